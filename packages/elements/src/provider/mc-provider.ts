import { defineElement } from '../internal/define.js';
import { McProvider } from './provider.js';

defineElement('mc-provider', McProvider);

export { McProvider };

declare global {
  interface HTMLElementTagNameMap {
    'mc-provider': McProvider;
  }
}
