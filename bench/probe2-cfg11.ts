import { describesSwitch, describedSwitch, termWeight, isVerb } from "../src/domain/parse/topicVocabulary.js"
import { isModuleName, namesSettingOrModule, settingWords } from "../src/domain/parse/grammar/settings.js"
for (const t of process.argv.slice(2)) {
  const ws = t.split(" ")
  console.log(t, "| described:", describedSwitch(t), "| namesSOM:", namesSettingOrModule(t), "|", ws.map((w) => `${w}:sw=${describesSwitch(w)},tw=${termWeight(w)},mod=${isModuleName(w)},set=${settingWords.has(w)},verb=${isVerb(w)}`).join(" "))
}
