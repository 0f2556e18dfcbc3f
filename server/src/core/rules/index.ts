import { checkboxRule } from "./checkbox";
import { choiceRule } from "./choice";
import { emojiRule } from "./emoji";
import { frontMatterRule } from "./frontMatter";
import { listRule } from "./list";
import type { Rule } from "./rule";
import { structureRule } from "./structure";
import { valuesRule } from "./values";

/** Every rule, in the order their problems are listed. */
export const RULES: readonly Rule[] = [frontMatterRule, structureRule, emojiRule, choiceRule, checkboxRule, valuesRule, listRule];
