import { strict as assert } from 'node:assert';
import { analyzeArticle, applyCorrectionEdit, CorrectionsError, parseEntityCorrections } from '../../../src/core/analysis/index';

// A small article of our own: a person, a company, a town, and a short form of the company's name.
const ARTICLE = [
  'Fjordline Shipping Agrees Harbour Deal',
  '',
  'BERGEN — Marit Kvalheim, the mayor of Bergen, said on Monday that Fjordline Shipping would lease the old quay.',
  '',
  '"This is good news for the town," Kvalheim said. Fjordline said the lease would run for ten years.',
  '',
  'Harald Brekke, a councillor, told reporters that Kvalheim had pushed the deal through.',
  '',
].join('\n');

const entitiesOf = (yaml: string) => analyzeArticle(ARTICLE, { corrections: parseEntityCorrections(yaml) }).entities;

describe('analysis: correction edits (applyCorrectionEdit)', () => {
  it('creates a new file with a header comment and the entry, which the analysis applies', () => {
    const out = applyCorrectionEdit(undefined, { kind: 'type', name: 'Marit Kvalheim', type: 'organization' });
    assert.match(out, /^# /);
    assert.deepEqual(parseEntityCorrections(out).entities, [{ name: 'Marit Kvalheim', type: 'organization', aliases: [] }]);
    const ents = entitiesOf(out);
    assert.ok(ents.some((e) => e.id === 'marit-kvalheim' && e.type === 'organization'), ents.map((e) => `${e.type}:${e.id}`).join(', '));
    assert.ok(!ents.some((e) => e.id === 'marit-kvalheim' && e.type === 'person'));
  });

  it('keeps comments, key order and other entries byte for byte when retyping an existing entry', () => {
    const src = [
      '# my corrections',
      'suppress:',
      '  - Via FT   # a byline',
      'entities:',
      '  # the council',
      '  - name: Bergen Council',
      '    type: org',
      '  - name: Marit Kvalheim',
      '    type: place # wrong on purpose',
      '',
    ].join('\n');
    const out = applyCorrectionEdit(src, { kind: 'type', name: 'marit kvalheim', type: 'person' });
    assert.equal(out, src.replace('type: place # wrong on purpose', 'type: person # wrong on purpose'));
    // already so: unchanged, same text
    assert.equal(applyCorrectionEdit(out, { kind: 'type', name: 'Bergen Council', type: 'organization' }), out);
  });

  it('appends a new entry after the others, and turns a bare-string entry into a mapping', () => {
    const src = 'entities:\n  - Nippon TV # keep me\n  - name: Kremlin\n    type: organization\n';
    const out = applyCorrectionEdit(src, { kind: 'type', name: 'Nippon TV', type: 'organization' });
    assert.ok(out.includes('Kremlin\n    type: organization'), out);
    assert.ok(out.includes('keep me'), out);
    assert.deepEqual(parseEntityCorrections(out).entities[0], { name: 'Nippon TV', type: 'organization', aliases: [] });
    const out2 = applyCorrectionEdit(src, { kind: 'type', name: 'Harald Brekke', type: 'place' });
    assert.ok(out2.startsWith(src), out2);
    assert.equal(parseEntityCorrections(out2).entities[2]!.name, 'Harald Brekke');
  });

  it('adds an alias (no duplicates), creating the entry, and the two names then share one entity id', () => {
    const out = applyCorrectionEdit('', { kind: 'alias', name: 'Fjordline Shipping', alias: 'Fjordline', type: 'organization' });
    assert.deepEqual(parseEntityCorrections(out).entities, [{ name: 'Fjordline Shipping', type: 'organization', aliases: ['Fjordline'] }]);
    assert.equal(applyCorrectionEdit(out, { kind: 'alias', name: 'Fjordline Shipping', alias: 'fjordline' }), out);
    const ents = entitiesOf(out);
    const e = ents.find((x) => x.id === 'fjordline-shipping' && x.type === 'organization');
    assert.ok(e, ents.map((x) => x.id).join(', '));
    assert.deepEqual([...new Set(e.mentions.map((m) => m.text))].sort(), ['Fjordline', 'Fjordline Shipping']);
    assert.equal(ents.filter((x) => x.mentions.some((m) => m.text === 'Fjordline')).length, 1);
    const more = applyCorrectionEdit(out, { kind: 'alias', name: 'Fjordline Shipping', alias: 'Fjordline AS' });
    assert.deepEqual(parseEntityCorrections(more).entities[0]!.aliases, ['Fjordline', 'Fjordline AS']);
  });

  it('refuses an alias that has its own entry or belongs to another entry', () => {
    const src = 'entities:\n  - name: A Corp\n    aliases: [Acorp]\n  - name: B Corp\n';
    assert.throws(() => applyCorrectionEdit(src, { kind: 'alias', name: 'A Corp', alias: 'B Corp' }), /own entry/);
    assert.throws(() => applyCorrectionEdit(src, { kind: 'alias', name: 'B Corp', alias: 'ACorp' }), /already an alias of "A Corp"/);
  });

  it('adds a suppress rule unless one already covers it, and the name is then no entity', () => {
    const before = entitiesOf('');
    assert.ok(before.some((e) => e.name === 'Harald Brekke'));
    const type = before.find((e) => e.name === 'Harald Brekke')!.type;
    const out = applyCorrectionEdit('# hand-made\nsuppress:\n  - Via FT\n', { kind: 'suppress', text: 'Harald Brekke', type });
    assert.ok(out.startsWith('# hand-made\nsuppress:\n  - Via FT\n'), out);
    assert.deepEqual(parseEntityCorrections(out).suppress, [{ text: 'Via FT' }, { text: 'Harald Brekke', type }]);
    assert.ok(!entitiesOf(out).some((e) => e.name === 'Harald Brekke'));
    assert.equal(applyCorrectionEdit(out, { kind: 'suppress', text: 'harald brekke', type }), out);
    // an untyped rule covers every type
    assert.equal(applyCorrectionEdit(out, { kind: 'suppress', text: 'Via F.T.', type: 'person' }), out);
  });

  it('refuses to suppress a form the entities list would add back', () => {
    assert.throws(() => applyCorrectionEdit('entities:\n  - name: X Y\n    aliases: [XY]\n', { kind: 'suppress', text: 'XY' }), /listed under entities\[0\]/);
  });

  it('throws a clear error, writing nothing, on a broken or invalid source and on a bad edit', () => {
    assert.throws(() => applyCorrectionEdit('entities: [unclosed', { kind: 'suppress', text: 'X' }), (e: unknown) => e instanceof CorrectionsError && /invalid YAML/.test(e.message));
    assert.throws(() => applyCorrectionEdit('entities:\n  - name: X\n    type: planet\n', { kind: 'suppress', text: 'Y' }), /unknown type "planet"/);
    assert.throws(() => applyCorrectionEdit('people: []\n', { kind: 'suppress', text: 'Y' }), /unknown key "people"/);
    assert.throws(() => applyCorrectionEdit('- a\n- b\n', { kind: 'suppress', text: 'Y' }), /expected a mapping/);
    assert.throws(() => applyCorrectionEdit('', { kind: 'type', name: ' ', type: 'person' }), /name is required/);
    assert.throws(() => applyCorrectionEdit('', { kind: 'type', name: 'X', type: 'planet' as never }), /unknown type/);
  });

  it('keeps a file of comments only, and an empty flow list, as a valid file', () => {
    const out = applyCorrectionEdit('# nothing yet\n', { kind: 'suppress', text: 'Via FT' });
    assert.ok(out.startsWith('# nothing yet\n'), out);
    assert.deepEqual(parseEntityCorrections(out).suppress, [{ text: 'Via FT' }]);
    const out2 = applyCorrectionEdit('entities: []\n', { kind: 'type', name: 'Bergen', type: 'place' });
    assert.deepEqual(parseEntityCorrections(out2).entities, [{ name: 'Bergen', type: 'place', aliases: [] }]);
  });
});

describe('analysis: correction edits keep what they do not touch', () => {
  const MESSY = [
    '# Corrections   (hand-made)',
    '',
    'version: 1',
    'entities:',
    '    -   name: "Kremlin"      # quoted, odd indent',
    '        type: organisation',
    '',
    '    -   name: Islamic State',
    '        aliases: [ Isis,  ISIL ]   # spaced',
    '    - Nippon TV',
    'suppress:',
    "    - 'Via FT'",
    '',
  ].join('\n');

  for (const edit of [
    { kind: 'type', name: 'Harald Brekke', type: 'person' },
    { kind: 'alias', name: 'Bergen Council', alias: 'the Council', type: 'organization' },
    { kind: 'suppress', text: 'Tomahawk', type: 'person' },
  ] as const) {
    it(`a ${edit.kind} edit adds its lines and keeps every line of a messy file as written`, () => {
      const out = applyCorrectionEdit(MESSY, edit);
      const lines = out.split('\n');
      let at = 0;
      for (const l of MESSY.split('\n')) {
        const k = lines.indexOf(l, at);
        assert.ok(k >= 0, `line ${JSON.stringify(l)} lost:\n${out}`);
        at = k + 1;
      }
      const parsed = parseEntityCorrections(out);
      assert.deepEqual(parsed.entities.slice(0, 3), parseEntityCorrections(MESSY).entities);
      assert.ok(lines.length > MESSY.split('\n').length);
    });
  }

  it('an alias added to an existing flow list changes only that line', () => {
    const out = applyCorrectionEdit(MESSY, { kind: 'alias', name: 'Islamic State', alias: 'Daesh' });
    const a = MESSY.split('\n');
    const b = out.split('\n');
    assert.equal(b.length, a.length);
    const changed = a.filter((l, i) => l !== b[i]);
    assert.deepEqual(changed, ['        aliases: [ Isis,  ISIL ]   # spaced']);
    assert.deepEqual(parseEntityCorrections(out).entities[1]!.aliases, ['Isis', 'ISIL', 'Daesh']);
  });

  it('a retype of an existing entry changes only its type line, at the user\'s indentation', () => {
    const out = applyCorrectionEdit(MESSY, { kind: 'type', name: 'kremlin', type: 'place' });
    assert.equal(out, MESSY.replace('        type: organisation', '        type: place'));
  });
});
