import { css } from 'lit';

/** Styles of the full card's detail sections; adopted by the card when the sections first load. */
export default css`
  .details {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-inline-size: 0;
  }
  ul,
  ol,
  blockquote,
  pre {
    margin: 0;
  }
  .description,
  .plain {
    white-space: pre-line;
  }

  .section > :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1em;
    margin-block-end: calc(var(--_space) * 0.25);
  }

  .section ul,
  .section ol {
    padding-inline-start: 1.25em;
  }
  .markdown {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .markdown :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1em;
  }
  .markdown pre {
    overflow-x: auto;
    white-space: pre-wrap;
  }
  .markdown blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
  }
  .markdown table {
    border-collapse: collapse;
  }
  .markdown :is(th, td) {
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    text-align: start;
  }

  @container mc-card (min-width: 30rem) {
    .details {
      grid-column: 2;
    }
  }
  @container mc-card (min-width: 48rem) {
    .details {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      align-items: start;
    }
    .endorsements {
      grid-column: 1 / -1;
    }
  }

  @media (forced-colors: active) {
    .markdown blockquote,
    .markdown :is(th, td) {
      border-color: CanvasText;
    }
  }
`;
