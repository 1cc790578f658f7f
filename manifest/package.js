// make package: fills manifest.template.json from package.config.json and the environment, validates the
// result against the official schema of its manifestVersion, and writes the Teams app package: a zip with
// manifest.json, color.png and outline.png at its root (and the filled manifest.json beside it).
// Usage: node manifest/package.js [--out artifacts]   -> artifacts/appPackage.zip, artifacts/appPackage/manifest.json
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { validateManifest } = require("./validate-manifest.js");

const here = __dirname;
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const checks = {
  MANIFEST_APP_ID: [v => guid.test(v), "a GUID of your choosing for this app (e.g. from uuidgen), kept across versions"],
  BOT_APP_ID: [v => guid.test(v), "the bot's Microsoft App ID, a GUID (deployment output botAppId)"],
  BOT_DOMAIN: [v => /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(v), "the web app's host name without https:// (deployment output botDomain)"],
  APP_VERSION: [v => /^\d+\.\d+\.\d+$/.test(v), "a version like 1.0.0"],
  DEVELOPER_WEBSITE_URL: [v => /^https:\/\//.test(v), "an https URL"],
  PRIVACY_URL: [v => /^https:\/\//.test(v), "an https URL of the board's privacy notice"],
  TERMS_OF_USE_URL: [v => /^https:\/\//.test(v), "an https URL of the terms of use"],
  DEVELOPER_NAME: [v => v.length > 0 && v.length <= 32, "the board's name, at most 32 characters"],
};

function settings() {
  const config = JSON.parse(fs.readFileSync(path.join(here, "package.config.json"), "utf8"));
  const values = {};
  const problems = [];
  for (const [name, [ok, what]] of Object.entries(checks)) {
    const value = String(process.env[name] || config[name] || "").trim(); // empty = not set
    if (!ok(value)) {
      problems.push(`${name} must be ${what}; got '${value}'. Set it in the environment or manifest/package.config.json.`);
    }
    values[name] = value;
  }
  return { values, problems };
}

function fill(template, values) {
  const text = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name) => {
    if (!(name in values)) {
      throw new Error(`manifest.template.json uses \${{${name}}}, which package.js does not know`);
    }
    return JSON.stringify(values[name]).slice(1, -1);
  });
  return JSON.parse(text);
}

// A minimal, deterministic zip (deflate, fixed 1980-01-01 timestamps, no extra fields).
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function zip(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, "utf8");
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);            // version needed
    common.writeUInt16LE(0x0800, 2);        // UTF-8 names
    common.writeUInt16LE(8, 4);             // deflate
    common.writeUInt16LE(0, 6);             // time 00:00
    common.writeUInt16LE(0x21, 8);          // date 1980-01-01
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    common.writeUInt16LE(0, 24);            // extra length
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, nameBytes, packed]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);           // version made by
    common.copy(central, 6);
    central.writeUInt32LE(offset, 42);      // comment, disk, attributes stay 0
    centrals.push(Buffer.concat([central, nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function main() {
  const outIndex = process.argv.indexOf("--out");
  const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(here, "..", "artifacts"));
  const { values, problems } = settings();
  if (problems.length > 0) {
    console.error(`make package: cannot fill the manifest:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  const manifest = fill(fs.readFileSync(path.join(here, "manifest.template.json"), "utf8"), values);
  const result = validateManifest(manifest);
  if (!result.valid) {
    console.error(`make package: the filled manifest does not match ${result.schema}:\n  ${result.errors.join("\n  ")}`);
    process.exit(1);
  }
  const manifestJson = Buffer.from(JSON.stringify(manifest, null, 2) + "\n", "utf8");
  fs.mkdirSync(path.join(out, "appPackage"), { recursive: true });
  fs.writeFileSync(path.join(out, "appPackage", "manifest.json"), manifestJson);
  const files = [
    { name: "manifest.json", data: manifestJson },
    { name: manifest.icons.color, data: fs.readFileSync(path.join(here, manifest.icons.color)) },
    { name: manifest.icons.outline, data: fs.readFileSync(path.join(here, manifest.icons.outline)) },
  ];
  const zipPath = path.join(out, "appPackage.zip");
  fs.writeFileSync(zipPath, zip(files));
  console.log(`make package: ${path.relative(process.cwd(), zipPath)} (manifest ${manifest.manifestVersion}, app ${manifest.id}, bot ${values.BOT_APP_ID}, ${values.BOT_DOMAIN})`);
}

main();
