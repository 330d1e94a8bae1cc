<?php
/**
 * The [microcred] shortcode: `[microcred element="catalog" src="https://…/achievements" lang="es"]`.
 * Shortcodes are available to every role that can write a post, and their output is made by this
 * plugin, not by the author's HTML, so it works for authors whose HTML is filtered (no
 * unfiltered_html). The options are those of microcred_check_embed().
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

/**
 * Renders [microcred …].
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string HTML.
 */
function microcred_shortcode( $atts ) {
	$given = array();
	foreach ( (array) $atts as $name => $value ) {
		// Attributes without a value (`[microcred catalog]`) arrive under numeric keys: name them so the
		// author is told, rather than silently ignored.
		// The block editor stores a shortcode's `&` as `&amp;`; read the value as the author typed it.
		$value = is_string( $value ) ? wp_specialchars_decode( $value, ENT_QUOTES ) : $value;
		$given[ is_int( $name ) ? (string) $value : strtolower( $name ) ] = $value;
	}
	return microcred_render_embed( $given );
}
add_action(
	'init',
	static function () {
		add_shortcode( 'microcred', 'microcred_shortcode' );
	}
);
