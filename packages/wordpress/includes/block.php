<?php
/**
 * The microcred/embed block: a dynamic block (nothing but its attributes is saved in the post), so
 * its markup is always made by microcred_render_embed(), the same as the shortcode's, whatever the
 * author's role. Its editor script is plain JavaScript (blocks/embed/editor.js), no build step.
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

/**
 * Renders the block.
 *
 * @param array $attributes The block's attributes (element, src, lang, variant).
 * @return string HTML.
 */
function microcred_render_block( $attributes ) {
	$given = array();
	foreach ( array( 'element', 'src', 'lang', 'variant' ) as $name ) {
		if ( isset( $attributes[ $name ] ) ) {
			$given[ $name ] = $attributes[ $name ];
		}
	}
	return microcred_render_embed( $given, get_block_wrapper_attributes( array( 'class' => 'microcred-embed' ) ) );
}

add_action(
	'init',
	static function () {
		register_block_type( MICROCRED_DIR . '/blocks/embed', array( 'render_callback' => 'microcred_render_block' ) );
	}
);
