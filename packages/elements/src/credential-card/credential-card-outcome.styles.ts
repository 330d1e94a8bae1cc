import { css } from 'lit';

/** Styles of the card's error message, a presentation's list and the verdict; adopted when they first load. */
export default css`
  .verified {
    --_danger: var(--_success);
  }
  .error {
    display: flex;
    gap: 0.4em;
    align-items: flex-start;
    border: 2px solid var(--_danger);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.75);
    font-weight: 400;
  }
  .presentation,
  .presentation ul {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .presentation ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .presentation > :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.25em;
    line-height: 1.25;
  }
  @media (forced-colors: active) {
    .error {
      border-color: CanvasText;
    }
  }
`;
