import { JsonScanner } from './json-scanner.js';

/** What a Broadside export is made of, in the order it is read. */
export type DocumentPart =
  | { kind: 'header'; header: Record<string, unknown> }
  | { kind: 'section'; name: string }
  | { kind: 'record'; section: string; index: number; value: unknown };

/**
 * Walks an export document as it streams in: first its header (every top-level member before
 * `sections`), then each section's name and records, one at a time. Throws JsonSyntaxError
 * with the line for a malformed file, and for a header that does not come before `sections`.
 */
export async function* readDocument(chunks: AsyncIterable<string>): AsyncGenerator<DocumentPart> {
  const scan = new JsonScanner(chunks[Symbol.asyncIterator]());
  await scan.expect('{', 'a JSON object (a Broadside export starts with "{")');
  const header: Record<string, unknown> = {};
  let sawSections = false;
  if ((await scan.peek()) !== '}') {
    for (;;) {
      const key = await scan.value();
      if (typeof key !== 'string') throw scan.error('expected the name of a member');
      await scan.expect(':', '":"');
      if (key === 'sections') {
        if (sawSections) throw scan.error('"sections" appears twice');
        sawSections = true;
        yield { kind: 'header', header };
        yield* readSections(scan);
      } else if (sawSections) {
        throw scan.error(`"${key}" comes after "sections"; the header must come first`);
      } else {
        header[key] = await scan.value();
      }
      if ((await scan.peek()) !== ',') break;
      await scan.expect(',', '","');
    }
  }
  await scan.expect('}', '"}" closing the document');
  if ((await scan.peek()) !== undefined) throw scan.error('unexpected text after the end of the document');
  if (!sawSections) throw scan.error('the document has no "sections"');
}

async function* readSections(scan: JsonScanner): AsyncGenerator<DocumentPart> {
  await scan.expect('{', '"{" opening the sections');
  if ((await scan.peek()) === '}') return void (await scan.expect('}', '"}"'));
  for (;;) {
    const name = await scan.value();
    if (typeof name !== 'string') throw scan.error('expected the name of a section');
    await scan.expect(':', '":"');
    yield { kind: 'section', name };
    await scan.expect('[', `"[" opening the records of section "${name}"`);
    if ((await scan.peek()) === ']') await scan.expect(']', '"]"');
    else {
      for (let index = 0; ; index++) {
        yield { kind: 'record', section: name, index, value: await scan.value() };
        if ((await scan.peek()) === ']') break;
        await scan.expect(',', `"," or "]" after record ${index} of section "${name}"`);
      }
      await scan.expect(']', '"]"');
    }
    if ((await scan.peek()) === '}') break;
    await scan.expect(',', '"," or "}" between sections');
  }
  await scan.expect('}', '"}" closing the sections');
}
