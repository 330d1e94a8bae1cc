import { css } from 'lit';

/**
 * The loading state's pulse, a decorative dot before "Loading credential…". Only a card with a
 * `src` shows that state, so its styles are a lazy chunk loaded with the download (the words show
 * at once; the dot when they arrive).
 */
export default css`
  .loading {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .loading::before {
    content: '';
    inline-size: 1em;
    block-size: 1em;
    border-radius: 50%;
    background: var(--_border);
  }
  @media (prefers-reduced-motion: no-preference) {
    .loading::before {
      animation: mc-pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes mc-pulse {
    to {
      opacity: 0.3;
      transform: scale(0.7);
    }
  }
  @media (forced-colors: active) {
    .loading::before {
      background: CanvasText;
    }
  }
`;
