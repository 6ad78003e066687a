/** Removes terminal colour codes, which Nix puts even into internal-json messages. */
// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

export const stripAnsi = (text: string): string => text.replace(ansi, "")
