/** A few internal-json lines, shaped like Nix's own, for building some packages. */
export const progressLines = (names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const n = names.length
  return [
    `@nix {"action":"start","id":1,"level":0,"parent":0,"text":"","type":104}`,
    ...names.flatMap((name, i) => [
      `@nix {"action":"start","id":${10 + i},"level":3,"parent":0,"text":"building '/nix/store/mock-${name}.drv'","type":105,"fields":["/nix/store/mock-${name}.drv","",1,1]}`,
      `@nix {"action":"result","id":${10 + i},"type":104,"fields":["buildPhase"]}`,
      `@nix {"action":"result","id":${10 + i},"type":101,"fields":["building ${name}"]}`,
      `@nix {"action":"stop","id":${10 + i}}`,
      `@nix {"action":"result","id":1,"type":105,"fields":[${i + 1},${n},0,0]}`
    ]),
    `@nix {"action":"stop","id":1}`
  ]
}
