/**
 * Shell completion scripts for bash, zsh and fish, written from the grammar of the command tree
 * (grammar.ts), so every command and option, those added later included, completes.
 *
 * Not @effect/cli's scripts (0.77): its bash script offers `--backend` values as one word
 * ("native,profile,..."), stops completing after any global flag (`ask-nix --execute ins<TAB>`),
 * counts a command's position without the options before it, and offers --wizard and --log-level.
 *
 * Each script does the same: skip the options typed so far (and the values of those that take one),
 * find the command (the first other word) and its subcommand, then offer the values of the option
 * before the cursor, or options (after a dash), or commands (at the first word), or subcommands.
 * Tested by running each in a real bash, zsh and fish (test/cli/completions.test.ts).
 */
import type { CommandSpec, Grammar, OptionSpec } from "./grammar.js"
import { builtinOptions, type Shell } from "./route.js"

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
const line = (s: string) => s.split("\n")[0] ?? ""

interface Parts {
  readonly globals: ReadonlyArray<OptionSpec>
  readonly commands: ReadonlyArray<CommandSpec>
  /** Every option that takes a value, wherever it is declared (its value is skipped when scanning). */
  readonly valued: ReadonlyArray<string>
}

const partsOf = (g: Grammar): Parts => {
  const globals = [...g.globals, ...builtinOptions]
  const commands = g.commands.filter((c) => !g.hidden.has(c.name))
  const all = [...globals, ...commands.flatMap((c) => [...c.options, ...c.subcommands.flatMap((s) => s.options)])]
  return { globals, commands, valued: [...new Set(all.filter((o) => o.value._tag !== "flag").flatMap((o) => o.names))] }
}

/** What to offer as an option's value: choices, files, or nothing (a number, a flake reference). */
const valueKind = (o: OptionSpec): { readonly words: ReadonlyArray<string> } | "files" | "none" =>
  o.value._tag === "choice" ? { words: o.value.choices }
    : o.value._tag === "text" && /PATH|FILE|DIR|PROFILE|INDEX|ROOT|FROM|PROGRAMS|OPTIONS|CONFIG/.test(o.value.placeholder) ? "files"
    : "none"

/** The option lists of each command and subcommand, keyed `cmd` and `cmd/sub`. */
const ownOptions = (p: Parts): ReadonlyArray<readonly [string, ReadonlyArray<OptionSpec>]> =>
  p.commands.flatMap((c) => [[c.name, c.options] as const, ...c.subcommands.map((s) => [`${c.name}/${s.name}`, s.options] as const)])

const bash = (p: Parts): string => {
  const valueCases = [
    ...p.globals.filter((o) => o.value._tag !== "flag").map((o) => ["*", o] as const),
    ...ownOptions(p).flatMap(([key, opts]) => opts.filter((o) => o.value._tag !== "flag").map((o) => [key, o] as const))
  ].map(([key, o]) => {
    const k = valueKind(o)
    const action = k === "files" ? `COMPREPLY=( $(compgen -f -- "$cur") )` : k === "none" ? "COMPREPLY=()" : `COMPREPLY=( $(compgen -W ${sq(k.words.join(" "))} -- "$cur") )`
    return `        ${o.names.map((n) => `${key}:${n}`).join("|")}) ${action}; return 0 ;;`
  })
  const optionCases = ownOptions(p).filter(([, o]) => o.length > 0).map(([key, opts]) => `        ${key}) opts="$opts ${opts.flatMap((o) => o.names).join(" ")}" ;;`)
  const subCases = p.commands.filter((c) => c.subcommands.length > 0).map((c) => `        ${c.name}) subs=${sq(c.subcommands.map((s) => s.name).join(" "))} ;;`)
  return `# bash completion for ask-nix (written by: ask-nix --completions bash)
_ask_nix() {
    local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmd="" sub="" sentence="" i=1 w opts subs=""
    (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
    # --option=value: bash splits at "=", so the option is two words back
    if [[ $prev == "=" ]] && (( COMP_CWORD > 1 )); then prev="\${COMP_WORDS[COMP_CWORD-2]}"; elif [[ $cur == "=" ]]; then prev="\${COMP_WORDS[COMP_CWORD-1]}"; cur=""; fi
    local valued=" ${p.valued.join(" ")} "
    while (( i < COMP_CWORD )); do
        w="\${COMP_WORDS[i]}"
        case "$w" in
            --) return 0 ;;
            --*=*|=) ;;
            -*) [[ $valued == *" $w "* && \${COMP_WORDS[i+1]} != "=" ]] && (( i++ )) ;;
            *)
                if [[ -z $cmd && -z $sentence ]]; then
                    case " ${p.commands.map((c) => c.name).join(" ")} " in *" $w "*) cmd="$w" ;; *) sentence=1 ;; esac
                elif [[ -n $cmd && -z $sub ]]; then
                    subs=""
                    case "$cmd" in
${subCases.join("\n")}
                    esac
                    [[ " $subs " == *" $w "* ]] && sub="$w"
                fi ;;
        esac
        (( i++ ))
    done
    local key="$cmd"; [[ -n $sub ]] && key="$cmd/$sub"
    case "$key:$prev" in
${valueCases.join("\n")}
    esac
    if [[ $cur == -* ]]; then
        opts=${sq(p.globals.flatMap((o) => o.names).join(" "))}
        case "$key" in
${optionCases.join("\n")}
        esac
        COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
    elif [[ -z $cmd && -z $sentence ]]; then
        COMPREPLY=( $(compgen -W ${sq(p.commands.map((c) => c.name).join(" "))} -- "$cur") )
    elif [[ -n $cmd && -z $sub ]]; then
        subs=""
        case "$cmd" in
${subCases.join("\n")}
        esac
        COMPREPLY=( $(compgen -W "$subs" -- "$cur") )
    fi
    return 0
}
complete -F _ask_nix ask-nix
`
}

const zsh = (p: Parts): string => {
  const described = (items: ReadonlyArray<readonly [string, string]>) => items.map(([n, d]) => sq(`${n}:${d}`)).join(" ")
  const optionItems = (opts: ReadonlyArray<OptionSpec>) => opts.flatMap((o) => o.names.map((n) => [n, o.description] as const))
  const valueCases = [
    ...p.globals.filter((o) => o.value._tag !== "flag").map((o) => ["*", o] as const),
    ...ownOptions(p).flatMap(([key, opts]) => opts.filter((o) => o.value._tag !== "flag").map((o) => [key, o] as const))
  ].map(([key, o]) => {
    const k = valueKind(o)
    const action = k === "files" ? "_files" : k === "none" ? ":" : `_ask_nix_offer ${k.words.map((w) => sq(`${w}:`)).join(" ")}`
    return `        (${o.names.map((n) => `${key}:${n}`).join("|")}) ${action}; return 0 ;;`
  })
  const optionCases = ownOptions(p).filter(([, o]) => o.length > 0).map(([key, opts]) => `        (${key}) items+=(${described(optionItems(opts))}) ;;`)
  const subCases = p.commands.filter((c) => c.subcommands.length > 0).map((c) => `        (${c.name}) subs=(${described(c.subcommands.map((s) => [s.name, line(s.description)]))}) ;;`)
  return `#compdef ask-nix
# zsh completion for ask-nix (written by: ask-nix --completions zsh). Put it in a folder of $fpath as _ask-nix,
# or source it after compinit.

# Offers "word:description" items whose word starts with what is typed.
_ask_nix_offer() {
    local -a names descs
    local item
    for item in "$@"; do
        [[ \${item%%:*} == "\${PREFIX}"* ]] || continue
        names+=("\${item%%:*}")
        if [[ -n \${item#*:} ]]; then descs+=("\${(r:28:)\${item%%:*}} \${item#*:}"); else descs+=("\${item%%:*}"); fi
    done
    (( \${#names} )) && compadd -l -d descs -a names
}

_ask-nix() {
    local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmd="" sub="" sentence="" w
    local -a valued=(${p.valued.join(" ")}) commands=(${p.commands.map((c) => c.name).join(" ")}) subs items
    integer i=2
    while (( i < CURRENT )); do
        w="\${words[i]}"
        case "$w" in
            (--) return 0 ;;
            (--*=*) ;;
            (-*) (( \${valued[(Ie)$w]} )) && (( i++ )) ;;
            (*)
                if [[ -z $cmd && -z $sentence ]]; then
                    if (( \${commands[(Ie)$w]} )); then cmd="$w"; else sentence=1; fi
                elif [[ -n $cmd && -z $sub ]]; then
                    subs=()
                    case "$cmd" in
${subCases.join("\n")}
                    esac
                    (( \${subs[(I)$w:*]} )) && sub="$w"
                fi ;;
        esac
        (( i++ ))
    done
    local key="$cmd"; [[ -n $sub ]] && key="$cmd/$sub"
    if [[ $cur == --*=* ]]; then prev="\${cur%%=*}"; PREFIX="\${cur#*=}"; IPREFIX="\${cur%%=*}="; cur="\${cur#*=}"; fi
    case "$key:$prev" in
${valueCases.join("\n")}
    esac
    if [[ $cur == -* ]]; then
        items=(${described(optionItems(p.globals))})
        case "$key" in
${optionCases.join("\n")}
        esac
        _ask_nix_offer "\${items[@]}"
    elif [[ -z $cmd && -z $sentence ]]; then
        _ask_nix_offer ${described(p.commands.map((c) => [c.name, line(c.description)]))}
    elif [[ -n $cmd && -z $sub ]]; then
        subs=()
        case "$cmd" in
${subCases.join("\n")}
        esac
        _ask_nix_offer "\${subs[@]}"
    fi
    return 0
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
    _ask-nix "$@"
elif (( \${+functions[compdef]} )); then
    compdef _ask-nix ask-nix
fi
`
}

const fish = (p: Parts): string => {
  const optionLine = (o: OptionSpec, condition: string | undefined) => {
    const names = o.names.map((n) => (n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`)).join(" ")
    const k = valueKind(o)
    const value = o.value._tag === "flag" ? "" : k === "files" ? " -r -F" : k === "none" ? " -x" : ` -x -a ${sq(k.words.join(" "))}`
    return `complete -c ask-nix${condition === undefined ? "" : ` -n ${sq(condition)}`} ${names}${value} -d ${sq(o.description)}`
  }
  return `# fish completion for ask-nix (written by: ask-nix --completions fish)
# Put it in ~/.config/fish/completions/ask-nix.fish

set -g __ask_nix_valued ${p.valued.join(" ")}
set -g __ask_nix_commands ${p.commands.map((c) => c.name).join(" ")}

# Prints the command and subcommand typed so far ("-" for none, "?" for a sentence).
function __ask_nix_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l cmd -
    set -l sub -
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case --
                echo "? -"
                return
            case '--*=*'
            case '-*'
                contains -- $t $__ask_nix_valued; and set skip 1
            case '*'
                if test $cmd = -
                    if contains -- $t $__ask_nix_commands
                        set cmd $t
                    else
                        set cmd '?'
                    end
                else if test $sub = -
${p.commands.filter((c) => c.subcommands.length > 0).map((c) => `                    test $cmd = ${c.name}; and contains -- $t ${c.subcommands.map((s) => s.name).join(" ")}; and set sub $t`).join("\n")}
                end
        end
    end
    echo "$cmd $sub"
end

function __ask_nix_at
    test (__ask_nix_state) = "$argv"
end

complete -c ask-nix -f
${p.globals.map((o) => optionLine(o, undefined)).join("\n")}
${p.commands.map((c) => `complete -c ask-nix -n '__ask_nix_at - -' -a ${sq(c.name)} -d ${sq(line(c.description))}`).join("\n")}
${p.commands.flatMap((c) => c.subcommands.map((s) => `complete -c ask-nix -n ${sq(`__ask_nix_at ${c.name} -`)} -a ${sq(s.name)} -d ${sq(line(s.description))}`)).join("\n")}
${p.commands.flatMap((c) => [
    ...c.options.map((o) => optionLine(o, `string match -q -- '${c.name} *' (__ask_nix_state)`)),
    ...c.subcommands.flatMap((s) => s.options.map((o) => optionLine(o, `__ask_nix_at ${c.name} ${s.name}`)))
  ]).join("\n")}
`
}

export const completionScript = (g: Grammar, shell: Shell): string => {
  const p = partsOf(g)
  switch (shell) {
    case "bash": return bash(p)
    case "zsh": return zsh(p)
    case "fish": return fish(p)
  }
}
