/**
 * The JSON Schema of `.modelcards.yaml`, generated from the shape the parser reads, for editors
 * that validate YAML against a schema (yaml-language-server, VS Code's `yamlValidation`). It is
 * draft-07, the draft those editors support best. It can only say what a schema can: a field's
 * `kind` that another part of the same file defines, for one, is checked by the parser alone.
 */
import type { JsonValue } from "../features/export";
import { CONFIG_FILE, CONFIG_SHAPE } from ".";
import type { Domain, Shape } from "./shape";

type Schema = { [key: string]: JsonValue };

/** Both, since editors read `markdownDescription` and validators `description`. */
const described = (schema: Schema, markdown: string): Schema => ({ ...schema, description: markdown.replace(/`/g, ""), markdownDescription: markdown });

/** A key with nothing after it (`severity:`) is "not set", which the parser accepts. */
function nullable(schema: Schema): Schema {
  if (typeof schema.type === "string" && !("enum" in schema)) return { ...schema, type: [schema.type, "null"] };
  return { anyOf: [schema, { type: "null" }] };
}

function names(domain: Domain): Schema {
  const values = domain.values();
  const list = values.map((v) => v.name);
  // An open domain is a list of suggestions: editors offer them, validators accept other names too.
  return domain.closed ? { enum: list, markdownEnumDescriptions: values.map((v) => v.description) } : { examples: list };
}

class Generator {
  readonly definitions: Record<string, Schema> = {};

  convert(shape: Shape): Schema {
    switch (shape.kind) {
      case "map": {
        if (shape.name === undefined) return this.object(shape);
        // Defined once and referred to, since a field's children may be fields again.
        if (!(shape.name in this.definitions)) {
          this.definitions[shape.name] = {};
          this.definitions[shape.name] = this.object(shape);
        }
        return { $ref: `#/definitions/${shape.name}` };
      }
      case "record": {
        const value = this.convert(shape.value);
        const properties = Object.fromEntries(shape.key.values().map((v) => [v.name, described(value, v.description)]));
        return { type: "object", properties, additionalProperties: shape.key.closed ? false : value };
      }
      case "list":
        return { type: "array", items: this.convert(shape.item) };
      case "string":
        return { type: "string", ...(shape.domain ? names(shape.domain) : {}), ...(shape.pattern === undefined ? {} : { pattern: shape.pattern }) };
      case "boolean":
        return { type: "boolean" };
      case "oneOf":
        return { anyOf: shape.shapes.map((s) => this.convert(s)) };
    }
  }

  private object(shape: Shape & { kind: "map" }): Schema {
    const required = shape.required ?? [];
    const properties = Object.fromEntries(Object.entries(shape.keys).map(([key, { description, shape: value }]) => {
      const schema = this.convert(value);
      return [key, described(required.includes(key) ? schema : nullable(schema), description)];
    }));
    return { type: "object", properties, additionalProperties: false, ...(required.length > 0 ? { required: [...required] } : {}) };
  }
}

export function configJsonSchema(): Schema {
  const generator = new Generator();
  const root = generator.convert(CONFIG_SHAPE);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `Model Cards config (${CONFIG_FILE})`,
    description: `The Model Cards settings of a site: severities per diagnostic code, card globs, and additions to the card schema. Generated from the checker's own reader.`,
    ...root,
    definitions: generator.definitions,
  };
}
