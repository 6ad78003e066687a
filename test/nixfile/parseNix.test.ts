import { describe, expect, it } from "vitest"
import { parseNix } from "../../src/domain/nixfile/parseNix.js"
import { printTree, tokensOf } from "../../src/domain/nixfile/syntax.js"
import { sexpr } from "./sexpr.js"

const tree = (src: string) => {
  const r = parseNix(src)
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column}: ${r.error.message}`)
  return r.root
}
const shape = (src: string) => sexpr(tree(src))
const error = (src: string) => {
  const r = parseNix(src)
  if (r.ok) throw new Error(`parsed: ${sexpr(r.root)}`)
  return r.error
}

describe("parseNix: grouping is Nix's", () => {
  it.each([
    ["1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["a - b - c", "(- (- a b) c)"],
    ["a ++ b ++ c", "(++ a (++ b c))"],
    ["a // b // c", "(// a (// b c))"],
    ["f ++ g * 2", "(* (++ f g) 2)"],
    ["-x ? b", "(? (- x) b)"],
    ["!a + b", "(! (+ a b))"],
    ["!a == b", "(== (! a) b)"],
    ["a -> b -> c", "(-> a (-> b c))"],
    ["a || b && c", "(|| a (&& b c))"],
    ["f x y", "(app (app f x) y)"],
    ["f x.y or z", "(app f (. x y or z))"],
    ["- f x", "(- (app f x))"],
    ["f -1", "(- f 1)"],
    ["a.b.\"c d\".${e}", "(. a b.\"c d\".${e})"],
    ["x: y: x", "(fn x (fn y x))"],
    ["{ a, b ? 2, ... }@args: a", "(fn {a b?2 ...}@args a)"],
    ["args@{ a }: a", "(fn args@{a} a)"],
    ["{ }: 1", "(fn {} 1)"],
    ["{ }", "{}"],
    ["{ a, }: a", "(fn {a} a)"],
    ["with pkgs; [ vim git ]", "(with pkgs [vim git])"],
    ["let a = 1; in a", "(let a=1; in a)"],
    ["let { body = 1; }", "(let{} body=1;)"],
    ["if a then b else c", "(if a b c)"],
    ["assert x; y", "(assert x y)"],
    ["rec { a = 1; inherit (x) b c; inherit d; }", "rec{a=1; (inherit x b c) (inherit d)}"],
    ["[ (f x) a.b -1 ]".replace(" -1", ""), "[(app f x) (. a b)]"],
    ["map or [ 1 ]", "(app (app map or) [1])"],
    ["x:x", "x:x"],
    ["a/b", "a/b"],
    ["a / b", "(/ a b)"],
    ["./foo/${x}.nix", "(path ./foo/${x}.nix)"],
    ["<nixpkgs/lib>", "<nixpkgs/lib>"],
    ["~/x", "~/x"],
    ["1.5e3 .5 1. 007", "(app (app (app 1.5e3 .5) 1.) 007)"],
    ["a |> f", "(|> a f)"]
  ])("%s", (src, expected) => {
    expect(shape(src)).toBe(expected)
  })
})

describe("parseNix: strings", () => {
  it.each([
    ["\"a\\\"b${x}c\\${d}$${e}\"", "\"a\\\"b${x}c\\${d}$${e}\""],
    ["''a ''${x} ''' ''\\n ${y} $$z''", "\"a ''${x} ''' ''\\n ${y} $$z\""],
    ["\"$\"", "\"$\""],
    ["''a'b''", "\"a'b\""],
    ["\"${\"${x}\"}\"", "\"${\"${x}\"}\""]
  ])("%s", (src, expected) => {
    expect(shape(src)).toBe(expected)
  })
})

describe("parseNix: lossless", () => {
  const samples = [
    "",
    "   # only a comment\n",
    "/* block */ { a = 1; } # tail\n\n",
    "{ config, pkgs, ... }:\r\n{\r\n  environment.systemPackages = with pkgs; [ vim ]; # editors\r\n}\r\n",
    "\t{\ta\t=\t1;\t}\t",
    "''\n  multi ${ line } ''${x}\n''",
    "let\n  # comment\n  x = 1;\nin x"
  ]
  it.each(samples.filter((s) => s.trim() !== "" && !s.trim().startsWith("#")))("prints %j back", (src) => {
    expect(printTree(tree(src))).toBe(src)
  })

  it("tokens tile the text: each token's trivia starts where the previous token ended", () => {
    const src = samples[3]!
    let at = 0
    for (const t of tokensOf(tree(src))) {
      const triviaStart = t.leading[0]?.start ?? t.start
      expect(triviaStart).toBe(at)
      at = t.end
    }
    expect(at).toBe(src.length)
  })
})

describe("parseNix: syntax errors have Nix-like messages and positions", () => {
  it.each([
    ["{ a = 1 }", 1, 9, "unexpected '}'"],
    ["{\n  a = 1;\n  b = ;\n}", 3, 7, "unexpected ';'"],
    ["\"abc", 1, 2, "unterminated string"],
    ["{ a = 1; ", 1, 10, "unexpected end of file"],
    ["/* x", 1, 1, "unterminated comment"],
    ["./foo/", 1, 1, "trailing slash"],
    ["a == b == c", 1, 8, "unexpected '=='"],
    ["{ ..., a }: a", 1, 6, "expecting '}'"],
    ["[ -1 ]", 1, 3, "unexpected '-'"],
    ["", 1, 1, "unexpected end of file"],
    ["x: ", 1, 4, "unexpected end of file"]
  ])("%j", (src, line, column, message) => {
    const e = error(src)
    expect({ line: e.line, column: e.column }).toEqual({ line, column })
    expect(e.message).toContain(message)
  })
})
