/** Examples of everything the parser understands, grouped, for `ask-nix help`. Each is tested to parse as its group says. */
export interface ExampleGroup {
  readonly title: string
  /** The intent kind every example in the group parses to. */
  readonly kind: string
  readonly examples: ReadonlyArray<string>
}

export const helpExamples: ReadonlyArray<ExampleGroup> = [
  { title: "Install", kind: "install", examples: ["install firefox", "please add git and tmux", "i need the rust compiler", "install python 3.11"] },
  { title: "Pick from a kind of program", kind: "search", examples: ["install a pdf viewer", "i need a password manager"] },
  { title: "Remove", kind: "remove", examples: ["remove htop", "get rid of emacs", "i don't use spotify anymore"] },
  { title: "Update", kind: "update", examples: ["update everything", "upgrade firefox", "update my system"] },
  { title: "Search", kind: "search", examples: ["search for a text editor", "are there any video players?", "is there a package for slack"] },
  { title: "What is installed", kind: "list", examples: ["what is installed", "ls packages"] },
  { title: "About a package", kind: "info", examples: ["tell me about ripgrep", "is firefox installed?", "what version of git do i have"] },
  { title: "Use without installing", kind: "try", examples: ["try cowsay without installing it", "give me a shell with python3"] },
  { title: "Which package has a command", kind: "provides", examples: ["what provides rg?", "command not found: convert"] },
  { title: "Generations", kind: "generations", examples: ["list generations", "show my history"] },
  { title: "Go back", kind: "rollback", examples: ["undo the last update", "the update broke something, go back", "roll back to generation 42", "go back two generations"] },
  { title: "Free disk space", kind: "clean", examples: ["clean up", "gc", "delete old generations but keep the last 3"] },
  { title: "NixOS system", kind: "rebuild", examples: ["apply my config", "test the new config", "rebuild for next boot", "rebuild but don't switch"] },
  { title: "Learn Nix words", kind: "explain", examples: ["what is a generation?", "explain flakes", "nix-env vs nix profile"] },
  { title: "Help", kind: "help", examples: ["help", "what can you do?"] }
]
