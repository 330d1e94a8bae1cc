/**
 * `microcred.js`: the one file for a `<script type="module">` tag. Registers every Microcred element
 * (Lit included); heavy parts such as the Markdown renderer load on first use from `chunks/`.
 *
 * ```html
 * <script type="module" src="https://cdn.example/@microcred/embed/dist/microcred.js"></script>
 * <mc-credential-card src="https://issuer.example/badges/42.json"></mc-credential-card>
 * ```
 * @packageDocumentation
 */
import '@microcred/elements/define.js';
