/**
 * Everyday names -> nixpkgs attribute names. Tried on the whole package phrase as written
 * ("vs code", "the rust compiler") before anything else. Keep targets top-level attribute names.
 */
export const aliases: Readonly<Record<string, string>> = {
  // editors and IDEs
  "vs code": "vscode", "vscode": "vscode", "visual studio code": "vscode", "code": "vscode", "vs-code": "vscode",
  "vscodium": "vscodium", "sublime": "sublime3", "sublime text": "sublime3", "intellij": "jetbrains.idea-community",
  "intellij idea": "jetbrains.idea-community", "pycharm": "jetbrains.pycharm-community", "neo vim": "neovim",
  "nvim": "neovim", "emacs editor": "emacs", "vi": "vim", "gvim": "vim_configurable",
  "intellij idea community": "jetbrains.idea-community", "idea community": "jetbrains.idea-community",
  "jetbrains idea community": "jetbrains.idea-community", "jetbrains idea": "jetbrains.idea-community",
  "android studio": "android-studio",
  // browsers
  "google chrome": "google-chrome", "chrome": "google-chrome", "chrome browser": "google-chrome",
  "firefox browser": "firefox", "mozilla firefox": "firefox", "ff": "firefox", "tor browser": "tor-browser-bundle-bin",
  "brave browser": "brave", "chromium browser": "chromium",
  // languages and toolchains
  "node": "nodejs", "node.js": "nodejs", "node js": "nodejs", "nodejs": "nodejs", "npm": "nodejs",
  "the rust compiler": "rustc", "rust compiler": "rustc", "rust toolchain": "rustup", "the rust toolchain": "rustup", "rust": "rustc", "rustlang": "rustc",
  "python": "python3", "python 3": "python3", "python3": "python3", "py": "python3", "python 2": "python2",
  "python2": "python2", "pip": "python3Packages.pip", "golang": "go", "go lang": "go", "the go compiler": "go",
  "java": "jdk", "openjdk": "jdk", "the java compiler": "jdk", "c compiler": "gcc", "the c compiler": "gcc",
  "gnu c compiler": "gcc", "c++ compiler": "gcc", "clang compiler": "clang", "ruby language": "ruby",
  "haskell": "ghc", "the haskell compiler": "ghc", "typescript": "nodePackages.typescript", "ts": "nodePackages.typescript",
  // office, media, graphics
  "libre office": "libreoffice", "libreoffice": "libreoffice", "open office": "libreoffice", "openoffice": "libreoffice",
  "vlc player": "vlc", "vlc media player": "vlc", "the gimp": "gimp", "gimp editor": "gimp", "obs": "obs-studio",
  "obs studio": "obs-studio", "kdenlive": "kdenlive", "ms teams": "teams", "microsoft teams": "teams",
  "zoom": "zoom-us", "zoom client": "zoom-us", "telegram": "tdesktop", "telegram desktop": "tdesktop",
  "signal": "signal-desktop", "signal messenger": "signal-desktop", "whatsapp": "whatsapp-for-linux", "skype": "skypeforlinux",
  "spotify client": "spotify", "steam client": "steam", "adobe reader": "adobe-reader", "acrobat reader": "adobe-reader",
  // command-line tools
  "ripgrep": "ripgrep", "rg": "ripgrep", "the silver searcher": "silver-searcher", "ag": "silver-searcher",
  "fd find": "fd", "fdfind": "fd", "bat cat": "bat", "docker compose": "docker-compose", "kubernetes": "kubectl",
  "k8s": "kubectl", "aws cli": "awscli", "aws": "awscli", "gcloud": "google-cloud-sdk", "google cloud sdk": "google-cloud-sdk",
  "github cli": "gitAndTools.gh", "gh": "gitAndTools.gh", "git lfs": "git-lfs", "yt-dlp": "yt-dlp",
  "youtube-dl": "youtube-dl", "youtube dl": "youtube-dl", "imagemagick": "imagemagick", "image magick": "imagemagick",
  "postgres": "postgresql", "postgre": "postgresql", "mysql": "mysql", "mongo": "mongodb", "tig": "tig",
  "proton tricks": "protontricks", "man pages": "man-pages", "manual pages": "man-pages", "manpages": "man-pages",
  "nerd fonts": "nerdfonts", "nerd font": "nerdfonts",
  "7zip": "p7zip", "7-zip": "p7zip", "7z": "p7zip", "unrar": "unrar", "net tools": "nettools", "ifconfig": "nettools",
  "dig": "dnsutils", "nslookup": "dnsutils", "the fish shell": "fish", "fish shell": "fish", "z shell": "zsh",
  "oh my zsh": "oh-my-zsh", "tmux multiplexer": "tmux", "htop monitor": "htop", "neofetch tool": "neofetch",
  // names from other distributions and the commands people know
  "make": "gnumake", "gnu make": "gnumake", "awk": "gawk", "sed": "gnused", "grep": "gnugrep", "tar": "gnutar",
  "find": "findutils", "xargs": "findutils", "ps": "procps", "top": "procps", "ping": "iputils", "nc": "netcat-gnu",
  "netcat": "netcat-gnu", "ssh": "openssh", "openssh-client": "openssh", "openssh-server": "openssh", "fd-find": "fd",
  "build-essential": "gcc", "g++": "gcc", "python3-pip": "python3Packages.pip", "pip3": "python3Packages.pip",
  "docker.io": "docker", "nodejs-lts": "nodejs", "vim-gtk": "vim_configurable", "vim-gtk3": "vim_configurable",
  "dnsutils": "dnsutils", "bind-utils": "dnsutils", "net-tools": "nettools", "iproute": "iproute", "ip": "iproute"
}
