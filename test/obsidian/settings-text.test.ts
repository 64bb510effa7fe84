import { keywordRulesFromText, keywordRulesToText, listFromText } from "../../src/obsidian/settings-text";

test("lists from comma- or line-separated text, blanks dropped", () => {
  expect(listFromText(" Technical, DevOps ,,\nQuality Assurance \n")).toEqual(["Technical", "DevOps", "Quality Assurance"]);
});

test("keyword rules: one line per area, lines without a colon or words ignored, round trip", () => {
  const rules = keywordRulesFromText("DevOps: deploy, kubernetes\nnonsense line\nQA:\nDevOps: helm");
  expect(rules).toEqual({ DevOps: ["deploy", "kubernetes", "helm"] });
  expect(keywordRulesFromText(keywordRulesToText(rules))).toEqual(rules);
});
