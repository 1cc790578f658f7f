// Validates a Teams app manifest against the official JSON schema of its manifestVersion, bundled offline
// in @microsoft/app-manifest (build/json-schemas/teams/v1.NN). The schemas are draft-04, hence ajv-draft-04;
// strictTypes is off because the official schemas do not pass ajv's strict type checks.
// CLI: node manifest/validate-manifest.js <manifest.json>  -> prints {"valid":bool,"schema":...,"errors":[...]}, exit 0/1.
"use strict";
const fs = require("fs");
const path = require("path");

function schemaPath(manifestVersion) {
  if (!/^1\.\d+$/.test(String(manifestVersion))) {
    throw new Error(`manifestVersion '${manifestVersion}' is not of the form 1.NN`);
  }
  const root = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = path.join(root, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  if (!fs.existsSync(file)) {
    throw new Error(`no bundled schema for manifestVersion ${manifestVersion} (${file})`);
  }
  return file;
}

/** Returns { valid, schema, errors: ["<instancePath> <message>"] }. */
function validateManifest(manifest) {
  const Ajv = require("ajv-draft-04");
  const addFormats = require("ajv-formats");
  const file = schemaPath(manifest.manifestVersion);
  const schema = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  delete schema.$schema; // the draft-04 meta-schema is built into ajv-draft-04
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(manifest);
  const errors = (validate.errors || []).map(e => `${e.instancePath || "/"} ${e.message}${e.params && e.params.missingProperty ? ` (${e.params.missingProperty})` : ""}`);
  return { valid, schema: path.relative(process.cwd(), file), errors };
}

module.exports = { validateManifest };

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node manifest/validate-manifest.js <manifest.json>");
    process.exit(2);
  }
  let result;
  try {
    result = validateManifest(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (e) {
    result = { valid: false, schema: null, errors: [String(e.message)] };
  }
  console.log(JSON.stringify(result));
  process.exit(result.valid ? 0 : 1);
}
