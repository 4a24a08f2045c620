import fs from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a WordPress export (WXR 1.2) of `posts` posts and `comments` comments spread over them
 * (a third of them replies), with categories, tags, paragraphs, a caption shortcode now and
 * then, and Russian text, streaming to disk so the file can be far larger than memory.
 */
export async function generateWxr(file: string, posts: number, comments: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Gazette</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
  for (let a = 1; a <= 5; a++) await write(`<wp:author><wp:author_login>writer${a}</wp:author_login><wp:author_display_name>Writer ${a}</wp:author_display_name></wp:author>\n`);
  for (let c = 1; c <= 20; c++) {
    await write(`<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>section-${c}</wp:category_nicename><wp:category_parent>${c > 5 ? `section-${c % 5 + 1}` : ''}</wp:category_parent><wp:cat_name>Section ${c}</wp:cat_name></wp:category>\n`);
  }
  for (let t = 1; t <= 100; t++) await write(`<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>topic-${t}</wp:tag_slug><wp:tag_name>Topic ${t}</wp:tag_name></wp:tag>\n`);
  let commentId = 0;
  for (let p = 1; p <= posts; p++) {
    const when = new Date(Date.UTC(2005, 0, 1) + p * 3 * 3600_000);
    const gmt = when.toISOString().slice(0, 19).replace('T', ' ');
    const y = gmt.slice(0, 4);
    const m = gmt.slice(5, 7);
    const share = Math.floor((comments * p) / posts) - Math.floor((comments * (p - 1)) / posts);
    let body = `Paragraph one of post ${p}, with <em>emphasis</em> and <a href="https://bench.example/?p=${Math.max(1, p - 1)}">a link</a>.\n\nВторой абзац: «новости» дня ${p}.\n\n`;
    if (p % 10 === 0) body += `[caption id="" width="300"]<img src="https://bench.example/wp-content/uploads/${y}/${m}/photo-${p}.jpg" alt="Photo ${p}" /> Caption ${p}[/caption]\n\n`;
    body += `<ul>\n<li>Point A</li>\n<li>Point B</li>\n</ul>\n\nLast line.`;
    let item = `<item><title>Post number ${p}</title><link>https://bench.example/${y}/${m}/post-${p}/</link><dc:creator>writer${(p % 5) + 1}</dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[Summary of post ${p}]]></excerpt:encoded>
<wp:post_id>${p}</wp:post_id><wp:post_date>${gmt}</wp:post_date><wp:post_date_gmt>${gmt}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>
<wp:post_name>post-${p}</wp:post_name><wp:status>${p % 50 === 0 ? 'draft' : 'publish'}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="section-${(p % 20) + 1}"><![CDATA[Section ${(p % 20) + 1}]]></category><category domain="post_tag" nicename="topic-${(p % 100) + 1}"><![CDATA[Topic ${(p % 100) + 1}]]></category>\n`;
    const first = commentId + 1;
    for (let c = 0; c < share; c++) {
      commentId++;
      const parent = c % 3 === 2 ? commentId - 1 : 0;
      item += `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>Reader ${commentId % 997}</wp:comment_author><wp:comment_author_email>reader${commentId % 997}@example.org</wp:comment_author_email><wp:comment_author_IP>192.0.2.${commentId % 250}</wp:comment_author_IP><wp:comment_date>${gmt}</wp:comment_date><wp:comment_date_gmt>${gmt}</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${commentId} on post ${p}. Thanks!]]></wp:comment_content><wp:comment_approved>${commentId % 20 === 0 ? '0' : '1'}</wp:comment_approved><wp:comment_parent>${parent >= first ? parent : 0}</wp:comment_parent></wp:comment>\n`;
    }
    await write(`${item}</item>\n`);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return fs.statSync(file).size;
}
