/** Spanish strings of `<mc-badge-wallet editable>` only (formal register; complete: checked against the English keys at compile time). */
import type { WalletOwnerStrings } from './strings-owner-en.js';

export const walletOwnerEs: WalletOwnerStrings = {
  storageError: 'Este navegador no permite guardar aquí, así que no se conservará nada al salir.',
  readOnly:
    'Esta cartera se guardó con una versión más reciente de Microcred. Aquí se muestra solo para lectura: la importación y los cambios están desactivados. Ábrala con esa versión para cambiarla.',
  closedElsewhere:
    'Esta cartera se abrió con una versión más reciente de Microcred en otra pestaña. Recargue esta página para seguir usándola.',
  unreadableOne: '1 credencial guardada no se pudo leer. Se conserva como estaba, pero no se puede mostrar.',
  unreadable:
    '{n} credenciales guardadas no se pudieron leer. Se conservan como estaban, pero no se pueden mostrar.',
  importInterrupted:
    'Su última importación se interrumpió (la página se cerró o se recargó antes de terminar) y no se guardó nada de ella. Vuelva a importar esas credenciales.',
  saveFailed: 'Su último cambio no se pudo guardar en este navegador.',
  emptyOwner: 'Su cartera está vacía. Importe insignias desde archivos, enlaces o texto pegado.',
  feature: 'Destacar',
  hide: 'Ocultar a los visitantes',
  hideShort: 'Ocultar',
  moveEarlier: 'Mover antes',
  moveLater: 'Mover después',
  remove: 'Quitar',
  confirmRemove: 'Confirmar y quitar',
  removed: 'Se quitó {name}.',
  import: 'Importar',
  importTitle: 'Importar credenciales',
  paste: 'Pegue JSON o una credencial firmada (JWS)',
  url: 'O la dirección de una credencial',
  files:
    'O elija archivos: imágenes de insignias con datos incrustados (PNG, SVG), JSON, JWS o un archivo de cartera',
  drop: 'Suelte aquí los archivos para importarlos',
  importButton: 'Importar',
  importing: 'Importando {count}…',
  importDone: '{imported} importadas, {duplicate} ya estaban en la cartera, {failed} no importadas.',
  importNotKept:
    '{imported} importadas solo para esta visita: este navegador no permite guardar, así que desaparecerán cuando salga.',
  importNotSaved: 'No se importó nada: no se pudo guardar la cartera, que quedó exactamente como estaba.',
  'result.imported': 'Importada',
  'result.duplicate': 'Ya está en la cartera',
  'result.not-a-credential': 'No es una credencial',
  'result.unreadable-image': 'Imagen ilegible',
  'result.no-badge': 'Esta imagen no contiene ninguna insignia',
  'result.unsupported-version': 'Versión no compatible (por ejemplo Open Badges 1.0)',
  'result.unreadable': 'Dañada o incompleta: no se pudo leer',
  'result.too-large': 'Demasiado grande',
  'result.download-failed': 'No se pudo descargar',
  'result.not-saved': 'No se guardó (no se cambió nada)',
  pasted: 'Texto pegado',
  exportWallet: 'Exportar cartera',
  manage: 'Administrar',
  owner: 'Esta cartera pertenece a (su correo electrónico o dirección web)',
  ownerSave: 'Guardar',
  ownerSaved: 'Guardado: cada importación se comprueba con {owner}.',
  ownerNone: 'Guardado: las importaciones no se comprueban con ningún titular.',
  'result.elsewhere': 'Importada — otorgada a otra persona, no a {owner}',
  importElsewhere: 'Otorgadas a otra persona: {n}.',
};
