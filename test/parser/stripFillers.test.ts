import { describe, expect, it } from "vitest"
import { stripFillers } from "../../src/domain/parse/stripFillers.js"

// Fillers are whole words between single spaces, as in the text split at " " (which the engine did before perf17).
describe("stripFillers", () => {
  it("takes fillers off both ends, whole words only", () => {
    expect(stripFillers("could you please install firefox for me please")).toMatchObject({ text: "install firefox", polite: true })
    expect(stripFillers("pleased to install firefox")).toMatchObject({ text: "pleased to install firefox", polite: false })
    expect(stripFillers("install firefox thanks")).toMatchObject({ text: "install firefox", polite: false })
  })
  it("leaves nothing when the text is all filler", () => {
    expect(stripFillers("please")).toMatchObject({ text: "", polite: true })
    expect(stripFillers("please please")).toMatchObject({ text: "", polite: true })
    expect(stripFillers("please ")).toMatchObject({ text: "", polite: true })
  })
  it("keeps what lies between doubled spaces as the empty words of a split did", () => {
    expect(stripFillers("please  install firefox").text).toBe(" install firefox")
    expect(stripFillers("install firefox  please").text).toBe("install firefox ")
    expect(stripFillers(" please").text).toBe("")
    expect(stripFillers(" ").text).toBe(" ")
  })
})
