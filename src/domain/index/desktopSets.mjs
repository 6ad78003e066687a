/**
 * The attribute sets that hold a desktop's own software: its applications, but also its libraries, themes and
 * services. Read by the ranking (prior.ts) and by the importance miner (scripts/mine-importance.mjs, plain
 * Node, hence a .mjs file with its types beside it), which must agree.
 */
export const DESKTOP_SETS = new Set(["gnome3", "gnome2", "kdeApplications", "plasma5", "xfce", "xfce4-14", "mate", "lxqt", "pantheon", "deepin", "enlightenment", "cinnamon"])
