import { describe, expect, it } from "vitest"
import { renderNixValue } from "../../src/domain/nixfile/nixValue.js"
import { coerceValue, parseOptionType } from "../../src/domain/options/optionTypes.js"

const write = (type: string, raw: string) => {
  const r = coerceValue(parseOptionType(type), raw)
  return r.ok ? renderNixValue(r.value) : `refused: ${r.reason}`
}

describe("option types: values people type", () => {
  it.each([
    ["boolean", "true", "true"],
    ["boolean", "off", "false"],
    ["boolean", "maybe", "refused: it takes true or false"],
    ["signed integer", "5", "5"],
    ["signed integer", "five", "5"],
    ["signed integer", "many", "refused: it takes a whole number"],
    ["signed integer", "constructor", "refused: it takes a whole number"],
    ["16 bit unsigned integer; between 0 and 65535 (both inclusive)", "70000", "refused: it takes a number of at most 65535"],
    ["unsigned integer, meaning >=0", "-1", "refused: it takes a number of at least 0"],
    ["null or string without spaces", "Europe/Paris", "\"Europe/Paris\""],
    ["null or string without spaces", "42", "refused: 42 is a number, and it takes text"],
    ["null or string without spaces", "\"42\"", "\"42\""],
    ["null or string without spaces", "New York", "refused: it takes text without spaces"],
    ["null or string without spaces", "null", "null"],
    ["string", "say \"hi\" ${x}", "\"say \\\"hi\\\" \\${x}\""],
    ["one of \"yes\", \"without-password\", \"prohibit-password\", \"forced-commands-only\", \"no\"", "No", "\"no\""],
    ["one of \"yes\", \"without-password\", \"prohibit-password\", \"forced-commands-only\", \"no\"", "maybe", "refused: it takes one of \"yes\", \"without-password\", \"prohibit-password\", \"forced-commands-only\", \"no\""],
    ["list of strings", "wheel, docker and audio", "[ \"wheel\" \"docker\" \"audio\" ]"],
    ["list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)s", "22 80 443", "[ 22 80 443 ]"],
    ["signed integer or string", "12", "12"],
    ["signed integer or string", "auto", "\"auto\""],
    ["path", "/var/lib/x", "\"/var/lib/x\""],
    ["path", "relative", "refused: it takes an absolute path (starting with /)"],
    ["package", "firefox", "refused: ask-nix cannot write a package from words; edit the file for this one"],
    ["attribute set of submodules", "x", "refused: ask-nix cannot write a attribute set of submodules from words; edit the file for this one"]
  ])("%s <- %j", (type, raw, expected) => {
    expect(write(type, raw)).toBe(expected)
  })
})
