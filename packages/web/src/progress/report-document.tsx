import type { ReportBlock, ReportDocument } from "@limber/core";
import type { ComponentChild } from "preact";

/** One part of the summary: a level-2 heading and the blocks up to the next. */
interface Part {
  heading?: string;
  blocks: ReportBlock[];
}

/** A cell that is a figure ("5", "4.3", "–", "2 of 14"): its column takes only the room it needs. */
const FIGURE = /^(\d+(\.\d+)?( of \d+)?|–)$/;
/** What a line never breaks inside: a rule id ("R-TRIAGE-C"), or a figure and its word ("7 weeks"). */
const UNBROKEN = /\bR-[A-Z]+(?:-[A-Z]+)*|\b\d+(?:\.\d+)? [a-z]+/g;

/** Text with each rule id, and each figure with its word, kept on one line. */
function Words({ text }: { text: string }) {
  const pieces: ComponentChild[] = [];
  let from = 0;
  for (const match of text.matchAll(UNBROKEN)) {
    pieces.push(text.slice(from, match.index));
    pieces.push(
      <span class="unbroken" key={match.index}>
        {match[0]}
      </span>,
    );
    from = match.index + match[0].length;
  }
  pieces.push(text.slice(from));
  return <>{pieces}</>;
}

function partsOf(blocks: readonly ReportBlock[]): Part[] {
  const parts: Part[] = [{ blocks: [] }];
  for (const block of blocks) {
    if (block.kind === "heading" && block.level === 2)
      parts.push({ heading: block.text, blocks: [] });
    else parts.at(-1)?.blocks.push(block);
  }
  return parts;
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case "heading":
      // The page's own title is its h1; the summary's title sits below it.
      return block.level === 1 ? <h2 id="report-title">{block.text}</h2> : <h3>{block.text}</h3>;
    case "paragraph":
      return (
        <p>
          <Words text={block.text} />
        </p>
      );
    case "note":
      return (
        <p class="small muted">
          <Words text={block.text} />
        </p>
      );
    case "list":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>
              <Words text={item} />
            </li>
          ))}
        </ul>
      );
    case "table":
      return (
        <table>
          <caption>{block.caption}</caption>
          <thead>
            <tr>
              {block.header.map((cell) => (
                <th scope="col" key={cell}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map(([first, ...cells]) => (
              <tr key={first}>
                <th scope="row">{first}</th>
                {cells.map((cell, i) => (
                  <td key={block.header[i + 1]} class={FIGURE.test(cell) ? "figure" : undefined}>
                    <Words text={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "chart":
      // The table that follows a chart holds its figures; the page shows those.
      return null;
  }
}

/**
 * The clinician summary's document on the page, word for word as the text and the PDF have it:
 * the title as the article's heading, each part a section under its own heading.
 */
export function ReportView({ summary }: { summary: ReportDocument }) {
  const parts = partsOf(summary.blocks);
  return (
    <article class="report" aria-labelledby="report-title">
      {parts.map((part, i) =>
        part.heading === undefined ? (
          part.blocks.map((block, n) => <Block block={block} key={`${i}-${n}`} />)
        ) : (
          <section key={part.heading} aria-labelledby={`report-part-${i}`}>
            <h3 id={`report-part-${i}`}>{part.heading}</h3>
            {part.blocks.map((block, n) => (
              <Block block={block} key={n} />
            ))}
          </section>
        ),
      )}
      <p class="small muted">{summary.footer}</p>
    </article>
  );
}
