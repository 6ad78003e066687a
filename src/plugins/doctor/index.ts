/** doctor: checks the Nix installation and says what to fix. */
import { definePlugin } from "../../services/Plugin.js"
import { runDoctor } from "./runDoctor.js"

export default definePlugin({
  id: "doctor",
  description: "Checks your Nix installation (version, daemon, features, channels, profile, disk, index) and says what to fix",
  rules: [{
    kind: "doctor",
    patterns: [
      "doctor", "[run] [the] (doctor|diagnostics|health check)", "diagnose [my] [nix|setup|installation]",
      // "ok"/"okay" at the end are filler the normalizer may strip, so the adjective is optional.
      "is my (nix|set up|installation|nix set up|nix installation) [ok|okay|fine|working|healthy|broken|alright|good|all right]",
      "is (nix|my nix) [ok|okay|fine|working|healthy|broken|alright|set up correctly|installed correctly]",
      "(check|test|verify|examine) [my] (nix|set up|installation|nix set up|nix installation|system health)",
      "what is wrong with my (nix|set up|installation)", "why is (nix|my nix) (broken|not working)"
    ]
  }],
  handlers: { doctor: () => runDoctor() },
  commands: [{
    name: "doctor",
    description: "Check the Nix installation and say what to fix",
    examples: ["ask-nix doctor", "ask-nix --json doctor", "ask-nix is my nix ok"],
    run: () => runDoctor()
  }]
})
