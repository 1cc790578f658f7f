// The official Adaptive Cards JavaScript libraries, as an oracle for the C# card expander.
// Usage: node adaptive-cards.js <request.json> <response.json>
// Request:  { "items": [ { "id", "template", "data", "card"?, "validate"?, "version"? } ] }
// Response: { "results": [ { "id", "expanded", "expandError", "validation": { "parseErrors", "validationErrors" } } ] }
// For each item: expands template with data (adaptivecards-templating, $root = data), then parses and
// validates "card" (or, without it, the expansion) with adaptivecards at schema "version" (default 1.5; the
// Outlook forms use 1.4), unless "validate" is false.
"use strict";
const fs = require("fs");

function load(name) {
  try {
    return require(name);
  } catch (e) {
    console.error(`Cannot load ${name}: run 'npm ci' in the repository root. (${e.message})`);
    process.exit(2);
  }
}

const ACData = load("adaptivecards-templating");
const AC = load("adaptivecards/dist/adaptivecards.js");

function expand(template, data) {
  try {
    return { expanded: new ACData.Template(template).expand({ $root: data }), expandError: null };
  } catch (e) {
    return { expanded: null, expandError: String(e && e.message ? e.message : e) };
  }
}

function validate(json, version) {
  if (json === null || typeof json !== "object") {
    return { parseErrors: ["not a JSON object"], validationErrors: [] };
  }
  const card = new AC.AdaptiveCard();
  const target = AC.Versions["v" + String(version || "1.5").replace(".", "_")];
  if (!target) {
    return { parseErrors: [`unknown schema version ${version}`], validationErrors: [] };
  }
  const context = new AC.SerializationContext(target);
  card.parse(JSON.parse(JSON.stringify(json)), context);
  const parseErrors = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    parseErrors.push(`${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  const validationErrors = card.validateProperties().validationEvents
    .map(e => `${AC.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  return { parseErrors, validationErrors };
}

const [requestPath, responsePath] = process.argv.slice(2);
if (!requestPath || !responsePath) {
  console.error("usage: node adaptive-cards.js <request.json> <response.json>");
  process.exit(2);
}

const request = JSON.parse(fs.readFileSync(requestPath, "utf8"));
const results = request.items.map(item => {
  const { expanded, expandError } = expand(item.template, item.data);
  const target = item.card !== undefined ? item.card : expanded;
  return { id: item.id, expanded, expandError, validation: item.validate === false ? null : validate(target, item.version) };
});
fs.writeFileSync(responsePath, JSON.stringify({ results }), "utf8");
