<?php
/**
 * Spanish for every Spanish locale (es_ES, es_MX, es_CO, …) from one translation, made by
 * `npm run build:wordpress` from languages/microcred-es.po: dist/languages/microcred-es.mo for the PHP
 * strings (problems shown to editors, the block's description) and dist/languages/microcred-es.json for
 * the block editor script. Other locales see English.
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether a WordPress locale is Spanish.
 *
 * @param string $locale A locale such as es_MX.
 * @return bool
 */
function microcred_is_spanish( $locale ) {
	return 'es' === $locale || 0 === strpos( $locale, 'es_' );
}

// Before the block is registered (its description is translated when it is registered).
add_action(
	'init',
	static function () {
		if ( microcred_is_spanish( determine_locale() ) ) {
			load_textdomain( 'microcred', MICROCRED_DIR . '/dist/languages/microcred-es.mo' );
		}
	},
	0
);

add_filter(
	'load_script_translation_file',
	static function ( $file, $handle, $domain ) {
		if ( 'microcred' === $domain && microcred_is_spanish( determine_locale() ) ) {
			return MICROCRED_DIR . '/dist/languages/microcred-es.json';
		}
		return $file;
	},
	10,
	3
);
