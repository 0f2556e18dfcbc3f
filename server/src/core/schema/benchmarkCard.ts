import { opt } from "./option";
import type { CardKindSpec, FieldSpec } from "./types";

const average = (id: string, label: string, what: string, example: string): FieldSpec => ({
  id: `statistics.${id}`, label, required: true, value: { kind: "number" },
  help: { description: `The average ${what}, over all problems.`, format: "A number in backticks; `/` if not reported.", example: `+ ${label}: \`${example}\`` },
});

export const benchmarkCard: CardKindSpec = {
  tag: "benchmarks",
  name: "benchmark card",
  snippet: { prefix: "benchmark-card", description: "A whole benchmark card: front matter and every field" },
  columns: ["publisherDate", "instances", "naturalLanguage", "programmingLanguage", "statistics.testCase", "scenario"],
  fields: [
    {
      id: "benchmarkName", label: "Benchmark Name", emoji: "🗂️", required: true, value: { kind: "link" },
      help: { description: "The benchmark's name, linked to the paper that introduces it.", format: "A markdown link `[Name](https://…)`.", example: "- 🗂️Benchmark Name: [HumanEval](https://arxiv.org/pdf/2107.03374.pdf)" },
    },
    {
      id: "publisherDate", label: "Publisher/Date", emoji: "📚", required: true, aliases: ["Publisher"], value: { kind: "text" },
      help: { description: "Where and when the benchmark was published.", format: "`Venue/Year` in backticks.", example: "- 📚Publisher/Date: `Arxiv/2022`" },
    },
    {
      id: "affiliation", label: "Author Affiliation", emoji: "🏠", required: true, value: { kind: "text" },
      help: { description: "The organisations the authors belong to.", format: "Names in backticks, separated by `;`.", example: "- 🏠Author Affiliation: `OpenAI`" },
    },
    {
      id: "url", label: "URL", emoji: "🔗", required: true, value: { kind: "link" },
      help: { description: "Where the benchmark's data and harness can be downloaded.", format: "A markdown link `[https://…](https://…)`.", example: "- 🔗URL: [https://github.com/openai/human-eval](https://github.com/openai/human-eval)" },
    },
    {
      id: "instances", label: "Number of Instances", required: true, value: { kind: "number" },
      help: { description: "How many problems the benchmark has.", format: "A number in backticks, optionally with a note.", example: "- Number of Instances: `164`" },
    },
    {
      id: "naturalLanguage", label: "Problem Description's Natural Language", required: true,
      value: { kind: "text", suggestions: [opt("English", "Problems are described in English."), opt("Chinese", "Problems are described in Chinese."), opt("Multilingual", "Problems are described in several natural languages.")] },
      help: { description: "The natural language the problems are written in.", format: "A language name in backticks.", example: "- Problem Description's Natural Language: `English`" },
    },
    {
      id: "programmingLanguage", label: "Code Solution's Programming Language", required: true,
      value: { kind: "text", suggestions: [opt("Python", "Solutions are written in Python."), opt("Java", "Solutions are written in Java."), opt("C++", "Solutions are written in C++."), opt("Multilingual", "Solutions exist in several programming languages.")] },
      help: { description: "The programming language of the reference solutions.", format: "A language name in backticks.", example: "- Code Solution's Programming Language: `Python`" },
    },
    {
      id: "statistics", label: "Data Statistics", required: true,
      children: {
        kind: "fields", fields: [
          {
            id: "statistics.testCase", label: "Test Case", required: true, value: { kind: "boolean", note: true },
            help: { description: "Whether the problems come with test cases that check a solution.", format: "✅ or ❌.", example: "+ Test Case: ✅" },
          },
          average("testCases", "Average Number of Test Cases", "number of test cases per problem", "7.8"),
          average("problemCharacters", "Average Number of Characters in Problem Description", "length of a problem description in characters", "450.6"),
          average("problemLines", "Average Number of Lines in Problem Description", "length of a problem description in lines", "13.7"),
          average("solutionCharacters", "Average Number of Characters in Code Solution", "length of a reference solution in characters", "180.9"),
          average("solutionLines", "Average Number of Lines in Code Solution", "length of a reference solution in lines", "6.8"),
        ],
      },
      help: { description: "Statistics of the benchmark's problems and solutions.", format: "A section with one item per statistic." },
    },
    {
      id: "scenario", label: "Scenario", required: true,
      value: {
        kind: "text", suggestions: [
          opt("Code Exercise", "Short, self-contained programming exercises."),
          opt("Competitions", "Problems from programming competitions."),
          opt("Data Science", "Data analysis tasks with libraries such as pandas or numpy."),
          opt("Public Library", "Tasks that use a specific public library's API."),
          opt("Code Challenge", "Harder algorithmic challenges."),
        ],
      },
      help: { description: "The kind of programming task the benchmark covers.", format: "A short phrase in backticks.", example: "- Scenario: `Code Exercise`" },
    },
  ],
};
