// Drives the Agents Playground through a referral to the chair's decision and saves PNGs of the cards as its
// web UI renders them in headless Chromium. The conversation is driven through the Playground's own HTTP API
// (as tests/ReviewBot.EndToEnd.Tests do), so it does not depend on the UI's markup; the page shows every
// message from its WebSocket stream, and each screenshot is of the card element the page rendered.
// Also calls an extraordinary panel meeting (the slot card), picks a slot, and shoots the Graph stand-in's page
// where the invite lands, as a person would look at it after `make run`. After the approval it fills the IMR card's
// chronology form in the page, asks for the export and adds an action to the action plan. The learning-dissemination
// card goes to an agency's panel member, who is not the Playground's user, so it is not shot.
// Usage: node scripts/screenshots.mjs http://127.0.0.1:PLAYGROUND_PORT docs/screenshots [http://127.0.0.1:GRAPH_PORT]
import { chromium } from 'playwright-core';
import path from 'node:path';

const [base, outDir, graphBase] = process.argv.slice(2);
if (!base || !outDir) {
  console.error('Usage: node scripts/screenshots.mjs <playground url> <output folder>');
  process.exit(2);
}

// What the referrer answers at each step of the demo board's referral (as tests/ReviewBot.EndToEnd.Tests/ReferralAnswers.cs).
const answers = {
  'referrer.name': 'Alex Wilber',
  'referrer.agency': '1',
  'referrer.role': 'Designated safeguarding lead',
  'referrer.phone': '020 7946 0000',
  'referrer.email': 'alexw@example.com',
  'referrer.dsl': 'yes',
  'child.name': 'Jordan Ellis-Nowak',
  'child.dob': '14/2/2023',
  'child.incident': 'died',
  'child.incident-date': '2/11/2026',
  'child.la-aware': 'yes',
  'child.address': '12 Mill Lane, Riverside RV2 4QT',
  'child.ethnicity': 'White and Black Caribbean',
  'child.language': 'English',
  'child.religion': 'skip',
  'child.legal-status': 'Child in need',
  'child.known-to-csc': 'yes',
  'child.cp.start': 'skip',
  'child.cp.end': 'skip',
  'family.0.name': 'Sam Ellis',
  'family.0.relationship': 'Mother',
  'family.another.0': 'no',
  'agencies.choose': '1, 2',
  'agencies.others': 'skip',
  'agencies.still': 'all',
  'events': 'Jordan (3) was found unresponsive at home on 2 November; the injuries were unexplained. Police and children\'s social care had recorded concerns since 2025 that were not shared at the strategy meeting.',
  'keydates.0.date': 'skip',
  'narrative': 'Abuse is suspected and Jordan died.',
};
const answerFor = step => step.startsWith('criteria.') ? 'yes' : answers[step] ?? 'skip';

const timeoutMs = 30000;
const messages = []; // from the page's own WebSocket: {action, conversationId, messageId, card, text}
const waiters = [];

async function api(method, route, body) {
  const response = await fetch(new URL(route, base), { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

function onFrame(payload) {
  let frame;
  try { frame = JSON.parse(String(payload)); } catch { return; }
  if (frame.action !== 'createMessage' && frame.action !== 'updateMessage') return;
  const m = frame.message ?? {};
  const card = (m.attachments ?? []).find(a => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content ?? null;
  messages.push({ action: frame.action, conversationId: frame.actionConversationId, messageId: m.messageId, fromBot: m.from?.id !== config.currentUser.id, card, json: JSON.stringify(card ?? m.text ?? '') });
  for (const w of [...waiters]) w();
}

/** Waits for a bot message after index `mark` that matches. */
function waitFor(predicate, mark, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = messages.slice(mark).find(m => m.fromBot && predicate(m));
      if (found) { waiters.splice(waiters.indexOf(check), 1); clearTimeout(timer); resolve(found); }
    };
    const timer = setTimeout(() => { waiters.splice(waiters.indexOf(check), 1); reject(new Error(`Timed out waiting for ${what}`)); }, timeoutMs);
    waiters.push(check);
    check();
  });
}

const stepOf = m => !isSummary(m) && /"questionId":"([^"$]+)"/.exec(m.json)?.[1];
const isSummary = m => m.json.includes('"referral.submit"');
const isPrompt = m => m.action === 'createMessage' && (isSummary(m) || stepOf(m));
/** A value from an action's data on the card (the data that names the case). */
const dataValue = (node, key) => node && typeof node === 'object'
  ? ('caseRef' in node && key in node ? String(node[key]) : Object.values(node).map(v => dataValue(v, key)).find(v => v !== undefined))
  : undefined;

async function say(text, reply, what) {
  const mark = messages.length;
  await api('POST', `_conversation/v1/conversations/${encodeURIComponent(chat)}/messages`, { from: { id: config.currentUser.id }, text, textFormat: 'plain' });
  return waitFor(reply, mark, what);
}

function press(m, verb, data) {
  return api('POST', '_conversation/v1/invoke', {
    name: 'adaptiveCard/action', conversation: { id: m.conversationId }, from: { id: config.currentUser.id }, replyToId: m.messageId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/** The first choice a card offers (a choice set's first title), to answer a question whose scripted answer no longer fits. */
const firstChoice = node => node && typeof node === 'object'
  ? (Array.isArray(node.choices) && node.choices[0]?.title) || Object.values(node).map(firstChoice).find(Boolean)
  : undefined;

/** The first TextBlock's text of a card (what the page shows at its top). */
const firstText = node => node && typeof node === 'object'
  ? (node.type === 'TextBlock' && typeof node.text === 'string' ? node.text : Object.values(node).map(firstText).find(Boolean))
  : undefined;

/** Screenshots the page's rendering of the newest card that shows the first text of message `m`'s card. */
async function shoot(name, m) {
  const marker = firstText(m.card?.body);
  if (!marker) throw new Error(`${name}: the message has no card`);
  await shootCard(name, page.locator('.fai-OutputCard', { hasText: marker }).last());
}

/** Screenshots a card of the page once it is visible. */
async function shootCard(name, card) {
  await card.waitFor({ state: 'visible', timeout: timeoutMs });
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300); // let fonts and layout settle
  const file = path.join(outDir, name);
  await card.screenshot({ path: file });
  console.log(`  ${file}`);
}

/** The value an input of the card starts with. */
const inputValue = (node, id) => node && typeof node === 'object'
  ? (node.id === id && 'value' in node ? String(node.value) : Object.values(node).map(v => inputValue(v, id)).find(v => v !== undefined))
  : undefined;

/** Shoots the Graph stand-in's page once it shows `text` (what the outbox sends comes after the press was answered). */
async function shootStandIn(name, text) {
  const standIn = await browser.newPage({ viewport: { width: 1280, height: 1400 }, deviceScaleFactor: 1 });
  try {
    for (let i = 0; ; i++) {
      await standIn.goto(graphBase);
      if ((await standIn.content()).includes(text)) break;
      if (i > 60) throw new Error(`The stand-in page never showed ${text}.`);
      await standIn.waitForTimeout(500);
    }
    const file = path.join(outDir, name);
    await standIn.screenshot({ path: file, fullPage: true });
    console.log(`  ${file}`);
  } finally {
    await standIn.close();
  }
}

/** Calls a panel meeting on the recommendation card, shoots the slot card, picks its first slot and shoots the
 * stand-in's page once the invite is there. Answers the recommendation card as it was updated. */
async function panelMeeting(recommendation, reference) {
  let mark = messages.length;
  await press(recommendation, 'recommendation.panel', { caseRef: reference, version: dataValue(recommendation.card, 'version') });
  const slots = await waitFor(m => m.action === 'createMessage' && m.json.includes('meeting.pick') && m.json.includes(reference), mark, 'the slot card');
  await shoot('panel-slots.png', slots);
  mark = messages.length;
  await press(slots, 'meeting.pick', {
    caseRef: reference, version: dataValue(slots.card, 'version'), slotId: dataValue(slots.card, 'slotId'),
    panel: inputValue(slots.card, 'panel'), durationMinutes: inputValue(slots.card, 'durationMinutes') ?? '90',
  });
  await shootStandIn('stand-in-invite.png', reference);
  // The recommendation card as updated in place since (its version moved on).
  const updated = messages.filter(m => m.messageId === recommendation.messageId && m.card).at(-1);
  return updated ?? recommendation;
}

/** Shoots the newest card in the page that shows `text`. */
async function shootPageCard(name, text) {
  const card = page.locator('.fai-OutputCard', { hasText: text }).last();
  await card.waitFor({ state: 'visible', timeout: timeoutMs });
  await card.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  const file = path.join(outDir, name);
  await card.screenshot({ path: file });
  console.log(`  ${file}`);
  return card;
}

/** Picks `option` in the card's compact choice set labelled `label` (the Playground renders it as a combobox). */
async function choose(card, label, option) {
  await card.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** "Add chronology entry" on the IMR card, pressed and filled in the page itself: first without saying what happened
 * (the form asks again, keeping what was typed), then two entries; shoots the form asked again and with the entries. */
async function chronology(imr) {
  const imrCard = page.locator('.fai-OutputCard', { hasText: firstText(imr.card.body) }).last();
  const mark = messages.length;
  await imrCard.getByRole('button', { name: 'Add chronology entry' }).click();
  await waitFor(m => m.action === 'createMessage' && m.json.includes('chronology.add'), mark, 'the chronology form');
  let form = page.locator('.fai-OutputCard', { hasText: 'Add to the chronology (' }).last();
  await form.waitFor({ state: 'visible', timeout: timeoutMs });
  await form.getByLabel(/^Date/).fill('2026-06-03');
  await form.getByLabel(/^Source of evidence/).fill('Police log 2026/118');
  await form.getByRole('button', { name: 'Add to the chronology' }).click();
  form = await shootPageCard('chronology-asked-again.png', 'Please say what happened');
  await form.getByLabel(/^Communication/).fill('Strategy discussion with children\'s social care about the bruising reported by the nursery');
  await choose(form, "Within the agency or external", 'External');
  await choose(form, "Phone, written or meeting", 'Phone');
  await form.getByLabel(/^Response or outcome/).fill('Section 47 enquiry agreed; joint visit the next day');
  await form.getByRole('button', { name: 'Add to the chronology' }).click();
  form = page.locator('.fai-OutputCard', { hasText: '1 entry so far' }).last();
  await form.waitFor({ state: 'visible', timeout: timeoutMs });
  await form.getByLabel(/^Date/).fill('2026-06-04');
  await form.getByLabel(/^Contact with the child/).fill('Joint home visit: Jordan seen with mother, then alone in the bedroom');
  await choose(form, "Child's views recorded", 'Yes');
  await choose(form, "Child seen alone", 'Yes');
  await form.getByLabel(/^Source of evidence/).fill('Police log 2026/121');
  await form.getByRole('button', { name: 'Add to the chronology' }).click();
  await shootPageCard('chronology-entry.png', '2 entries so far');
}

/** `export SCR-…`: the card with the three short-lived links. */
async function exportLinks(reference) {
  const links = await say(`export ${reference}`, m => m.action === 'createMessage' && m.json.includes('/exports/'), 'the export links');
  await shoot('export-links.png', links);
}

/** `action plan SCR-…`: the business manager adds an action owned by the Playground's user (whose action card
 * arrives), asks the agencies to disseminate the learning, and shoots the action card and the overview. */
async function actionPlan(reference) {
  const overview = await say(`action plan ${reference}`, m => m.action === 'createMessage' && m.json.includes('action.save'), 'the action plan card');
  let mark = messages.length;
  await press(overview, 'action.save', {
    caseRef: reference, version: dataValue(overview.card, 'version'), itemId: 'new',
    what: 'Audit twenty strategy discussions for whether the child\'s voice was recorded', owner: config.currentUser.aadObjectId,
    agencyId: 'police', dueOn: '2027-03-31', measure: 'Audit report to the panel with its findings and a re-audit date',
  });
  const item = await waitFor(m => m.action === 'createMessage' && m.json.includes('action.progress') && m.json.includes(reference), mark, 'the action card');
  await shoot('action-item.png', item);
  const again = await say(`action plan ${reference}`, m => m.action === 'createMessage' && m.json.includes('learning.start'), 'the action plan card');
  mark = messages.length;
  await press(again, 'learning.start', { caseRef: reference, version: dataValue(again.card, 'version'), disseminateBy: '2027-04-30' });
  // Children's social care has no panel member on the demo board: its dissemination card comes to the business manager.
  const dissemination = await waitFor(m => m.action === 'createMessage' && m.json.includes('learning.confirm') && m.json.includes(reference), mark, 'the learning dissemination card');
  await shoot('learning-dissemination.png', dissemination);
  mark = messages.length;
  const plan = await say(`action plan ${reference}`, m => m.action === 'createMessage' && m.json.includes('action.save') && m.json.includes('2027'), 'the action plan with its action');
  await shoot('action-plan.png', plan);
  await stalePress(overview);
}

/** The first action plan card, pressed in the page after the case has moved on (as a person scrolling back would):
 * the bot answers with the card as it is now, under the words that nothing changed. */
async function stalePress(overview) {
  const old = page.locator('.fai-OutputCard', { hasText: firstText(overview.card.body) }).first();
  await old.scrollIntoViewIfNeeded();
  await old.getByLabel('Each agency to disseminate the learning by').fill('2027-05-28');
  await old.getByRole('button', { name: 'Ask the agencies to disseminate' }).click();
  await shootCard('out-of-date.png', page.locator('.fai-OutputCard', { hasText: 'This card was out of date, so nothing changed' }).first());
}

const config = (await api('GET', '_internal/v1/config')).config;
const chat = config.personalChat.id;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
// A tall window so the longest cards (summary, decision) fit whole.
const page = await browser.newPage({ viewport: { width: 1280, height: 2600 }, deviceScaleFactor: 1 });
page.on('websocket', ws => ws.on('framereceived', f => onFrame(f.payload)));
try {
  await page.goto(base);
  // Opening the Playground installs the app: the bot greets with its welcome card.
  const welcome = await waitFor(m => m.card && m.json.includes('referral.start'), 0, 'the welcome card');
  await shoot('welcome.png', welcome);

  let prompt = await say('refer', isPrompt, 'the first referral question');
  await shoot('referral-question.png', prompt); // replaced by the agency question below, if the form asks it
  const tries = {};
  for (let i = 0; i < 120 && !isSummary(prompt); i++) {
    const step = stepOf(prompt);
    if (step === 'referrer.agency' && !tries[step]) {
      await shoot('referral-question.png', prompt); // a question with choices says more than a free-text one
    }
    // Asked again (the form changed and refused the scripted answer): its first choice, then yes, then skip.
    const attempt = tries[step] = (tries[step] ?? 0) + 1;
    const answer = [answerFor(step), firstChoice(prompt.card), 'yes', 'skip'].filter(Boolean)[attempt - 1];
    if (!answer) throw new Error(`The referral keeps asking ${step}: give it an answer in scripts/screenshots.mjs.`);
    prompt = await say(answer, isPrompt, `the prompt after ${step}`);
  }
  if (!isSummary(prompt)) throw new Error('The referral never reached its summary.');
  await shoot('referral-summary.png', prompt);

  const acknowledgement = await say('submit', m => /\b(SCR|CSPR)-\d{4}-\d{4}\b/.test(m.json), 'the acknowledgement');
  const reference = /\b(SCR|CSPR)-\d{4}-\d{4}\b/.exec(acknowledgement.json)[0];
  let recommendation = await waitFor(m => m.json.includes('recommendation.review') && m.json.includes(reference), 0, 'the recommendation card');
  if (graphBase) {
    recommendation = await panelMeeting(recommendation, reference);
  }
  const mark = messages.length;
  let version = dataValue(recommendation.card, 'version');
  for (let attempt = 0; attempt < 3; attempt++) {
    const answered = await press(recommendation, 'recommendation.review', {
      caseRef: reference, version,
      rationale: 'Abuse is suspected and the child died: the statutory criteria are met.', methodology: 'SCIE systems model',
    });
    // A card that still offers the recommendation is the bot's answer to a version the case has moved past.
    if (!JSON.stringify(answered?.value ?? '').includes('recommendation.review')) break;
    version = dataValue(answered.value, 'version');
  }
  const decision = await waitFor(m => m.json.includes('decision.approve') && m.json.includes(reference), mark, 'the decision card');
  await shoot('decision.png', decision);

  const tasks = await say('my tasks', m => m.action === 'createMessage' && m.json.includes(reference), 'my tasks');
  await shoot('my-tasks.png', tasks);

  // The case's status card, and its "Extend a deadline" form (the business manager's view).
  const status = await say(`status ${reference}`, m => m.action === 'createMessage' && m.json.includes('case.extendForm') && m.json.includes(reference), 'the status card');
  await shoot('case-status.png', status);
  // Pressed in the page itself, as a person would: the page swaps the invoke's answer (the form) in for the card.
  const statusCard = page.locator('.fai-OutputCard', { hasText: firstText(status.card.body) }).last();
  await statusCard.getByRole('button', { name: 'Extend a deadline' }).click();
  await shootCard('clock-extension.png', page.locator('.fai-OutputCard', { hasText: 'Record the extension' }).last());

  // The chair approves: the business manager's IMR card per agency, and the review's first stage card.
  const approvedMark = messages.length;
  let decisionVersion = dataValue(decision.card, 'version');
  for (let attempt = 0; attempt < 3; attempt++) {
    const answered = await press(decision, 'decision.approve', { caseRef: reference, version: decisionVersion, reason: '' });
    if (!JSON.stringify(answered?.value ?? '').includes('decision.approve')) break; // not the same card offered again
    decisionVersion = dataValue(answered.value, 'version');
  }
  const imr = await waitFor(m => m.action === 'createMessage' && m.json.includes('imr.edit') && m.json.includes(reference), approvedMark, 'an IMR card');
  await shoot('imr-request.png', imr);
  const stage = await waitFor(m => m.action === 'createMessage' && m.json.includes('review.advance') && m.json.includes(reference), approvedMark, 'the review stage card');
  await shoot('review-stage.png', stage);

  // The business manager names himself the author: the request mail and the due-date event land in his mailbox.
  if (graphBase) {
    let version = dataValue(imr.card, 'version');
    for (let attempt = 0; attempt < 3; attempt++) {
      const answered = await press(imr, 'imr.edit', {
        caseRef: reference, version, agencyId: dataValue(imr.card, 'agencyId'),
        author: config.currentUser.aadObjectId, dueOn: inputValue(imr.card, 'dueOn'),
      });
      // Accepted, the card offers its new author the independence statement; otherwise the case moved on since the
      // card was posted and the answer is the card as it is now, to press again.
      if (JSON.stringify(answered?.value ?? '').includes('imr.independence')) break;
      version = dataValue(answered?.value, 'version');
    }
    await shootStandIn('stand-in-imr.png', 'IMR request');
  }

  await chronology(imr);
  await exportLinks(reference);
  await actionPlan(reference);
} catch (error) {
  // What the page showed when a step failed, to see why.
  const file = path.join('.local', 'logs', 'screenshots', 'failed.png');
  await page.screenshot({ path: file, fullPage: false }).catch(() => {});
  console.error(`The page as it was: ${file}`);
  throw error;
} finally {
  await browser.close();
}
