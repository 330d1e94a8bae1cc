<?php
/**
 * The element scripts, served from the plugin itself (dist/, copied from @microcred/embed by
 * `npm run build:wordpress`; no CDN). Each element is one ES module that loads its chunks from
 * dist/chunks/ beside it. They are registered on every request but queued only by an embed's render
 * callback, so a page without a Microcred embed loads none of them.
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

/** The element modules the plugin ships (dist/elements/mc-<name>.js). */
function microcred_element_scripts() {
	return array( 'credential-card', 'verify-button', 'catalog', 'progress-tracker', 'badge-wallet' );
}

/**
 * Registers one script handle per element module (microcred-<name>), printed in the footer. Without a
 * `?ver=` query (version null): the modules import one another by plain relative address (the verify
 * button and the catalog import ./mc-credential-card.js), and a module loaded once as
 * mc-credential-card.js?ver=… and once as mc-credential-card.js would run twice.
 */
function microcred_register_scripts() {
	foreach ( microcred_element_scripts() as $name ) {
		wp_register_script(
			'microcred-' . $name,
			plugins_url( 'dist/elements/mc-' . $name . '.js', MICROCRED_FILE ),
			array(),
			null,
			true
		);
	}
}
add_action( 'init', 'microcred_register_scripts' );

/**
 * Queues an element's module for this page.
 *
 * @param string $name The element module (see microcred_element_scripts()).
 * @return bool False when the plugin's dist/ files are missing (a plugin installed from the source
 *              tree without `npm run build:wordpress`).
 */
function microcred_enqueue_element( $name ) {
	if ( ! file_exists( MICROCRED_DIR . '/dist/elements/mc-' . $name . '.js' ) ) {
		return false;
	}
	wp_enqueue_script( 'microcred-' . $name );
	return true;
}

/**
 * Prints the element scripts as ES modules: `type="module"` (the embed build is ESM and imports its
 * chunks), replacing any type WordPress wrote.
 *
 * @param string $tag    The <script> tag WordPress made.
 * @param string $handle The script's handle.
 * @return string
 */
function microcred_module_tag( $tag, $handle ) {
	if ( 0 !== strpos( $handle, 'microcred-' ) || ! in_array( substr( $handle, 10 ), microcred_element_scripts(), true ) ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=(["\'])[^"\']*\1/', '', $tag );
	return preg_replace( '/<script(?=[\s>])/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'microcred_module_tag', 10, 2 );
