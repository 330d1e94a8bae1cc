/* global wp, URL */
/**
 * The Microcred block in the editor, in plain JavaScript (no JSX, no build step): what to show
 * (element), its address, the language and the variant, in the block and in its settings sidebar.
 * The block is dynamic: it saves only these attributes, and the server renders the element
 * (includes/block.php), so the editor shows a summary rather than the live element.
 */
(function (blocks, element, blockEditor, components, i18n) {
  'use strict';
  var el = element.createElement;
  var __ = i18n.__;
  var sprintf = i18n.sprintf;

  /** Elements that take a variant (the others refuse one). */
  var HAS_VARIANT = ['card', 'verify', 'tracker'];

  function elementOptions() {
    return [
      { value: 'catalog', label: __('Catalog of micro-credentials', 'microcred') },
      { value: 'card', label: __('Credential card', 'microcred') },
      { value: 'verify', label: __('Credential card with a verify button', 'microcred') },
      { value: 'tracker', label: __('Progress tracker', 'microcred') },
      { value: 'wallet', label: __('Badge wallet', 'microcred') },
    ];
  }

  /** What is wrong with an address, in words, or '' when it is a complete http(s) address. */
  function srcProblem(src) {
    if (!src)
      return __('Add the address of the catalog feed, credential, pathway or credential list.', 'microcred');
    var url;
    try {
      url = new URL(src);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
      return __('The address must be complete and start with https:// or http://.', 'microcred');
    return '';
  }

  function controls(attributes, setAttributes) {
    var list = [
      el(components.SelectControl, {
        key: 'element',
        label: __('Show', 'microcred'),
        value: attributes.element,
        options: elementOptions(),
        onChange: function (value) {
          // A variant belongs to some elements only: drop it rather than save one the server refuses.
          setAttributes(
            HAS_VARIANT.indexOf(value) === -1 ? { element: value, variant: '' } : { element: value },
          );
        },
      }),
      el(components.TextControl, {
        key: 'src',
        type: 'url',
        label: __('Address (URL)', 'microcred'),
        value: attributes.src,
        help: srcProblem(attributes.src) || __('Visitors see it live on the published page.', 'microcred'),
        onChange: function (value) {
          setAttributes({ src: value.trim() });
        },
      }),
      el(components.SelectControl, {
        key: 'lang',
        label: __('Language', 'microcred'),
        value: attributes.lang,
        options: [
          { value: '', label: __('The page’s language', 'microcred') },
          { value: 'en', label: __('English', 'microcred') },
          { value: 'es', label: __('Spanish', 'microcred') },
        ],
        onChange: function (value) {
          setAttributes({ lang: value });
        },
      }),
    ];
    if (HAS_VARIANT.indexOf(attributes.element) !== -1)
      list.push(
        el(components.SelectControl, {
          key: 'variant',
          label: __('Variant', 'microcred'),
          value: attributes.variant,
          options: [
            { value: '', label: __('Full', 'microcred') },
            { value: 'compact', label: __('Compact', 'microcred') },
          ],
          onChange: function (value) {
            setAttributes({ variant: value });
          },
        }),
      );
    return list;
  }

  function Edit(props) {
    var attributes = props.attributes;
    var chosen = elementOptions().filter(function (o) {
      return o.value === attributes.element;
    })[0];
    return el(
      'div',
      blockEditor.useBlockProps(),
      el(
        blockEditor.InspectorControls,
        null,
        el(
          components.PanelBody,
          { title: __('Microcred settings', 'microcred') },
          controls(attributes, props.setAttributes),
        ),
      ),
      el(
        components.Placeholder,
        {
          icon: 'awards',
          label: 'Microcred',
          instructions: sprintf(
            /* translators: %s: what the block shows, e.g. "Catalog of micro-credentials". */
            __('%s, shown live on the published page.', 'microcred'),
            chosen ? chosen.label : attributes.element,
          ),
        },
        el('div', { style: { width: '100%' } }, controls(attributes, props.setAttributes).slice(0, 2)),
      ),
    );
  }

  blocks.registerBlockType('microcred/embed', {
    description: __(
      'A micro-credential catalog, credential card, verify button, progress tracker or badge wallet from an address.',
      'microcred',
    ),
    edit: Edit,
    save: function () {
      return null;
    },
  });
})(wp.blocks, wp.element, wp.blockEditor, wp.components, wp.i18n);
