<?php
/**
 * Creates the author (role author: no unfiltered_html; her language is Spanish) and publishes, as
 * that author, a post with the [microcred] shortcode, one with the microcred/embed block, a verify
 * card, a pasted credential address (an embed block), a post with none of these, and one with a raw
 * <script> (which WordPress removes: why the plugin exists). Prints JSON.
 * Environment: MC_WP (the WordPress folder), MC_SITE (its address), MC_ISSUER (the demo issuer),
 * MC_AUTHOR_PASSWORD (the author's password, to sign in to the editor).
 *
 * @package Microcred
 */

$parts                = parse_url( getenv( 'MC_SITE' ) );
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
require getenv( 'MC_WP' ) . '/wp-load.php';

$issuer = getenv( 'MC_ISSUER' );
$author = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => getenv( 'MC_AUTHOR_PASSWORD' ),
		'user_email' => 'author@example.com',
		'role'       => 'author',
		// She works in Spanish: the block editor speaks to her in Spanish (the site stays English).
		'locale'     => 'es_ES',
	)
);
// Saving as this user runs the post through KSES, as the editor would.
wp_set_current_user( $author );
// She has seen the editor's welcome guide before (its pictures come from s.w.org; this is offline).
update_user_meta(
	$author,
	$GLOBALS['wpdb']->get_blog_prefix() . 'persisted_preferences',
	array(
		'core/edit-post' => array( 'welcomeGuide' => false ),
		'_modified'      => gmdate( 'c' ),
	)
);

/**
 * Publishes a post as the current user.
 *
 * @param string $title   The title.
 * @param string $content The content (block markup).
 */
function wp_test_publish( $title, $content ) {
	$id = wp_insert_post(
		array(
			'post_title'   => $title,
			'post_content' => $content,
			'post_status'  => 'publish',
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, $id->get_error_message() );
		exit( 1 );
	}
	return $id;
}

$posts = array(
	'shortcode' => wp_test_publish(
		'Our micro-credential catalog',
		"<!-- wp:paragraph -->\n<p>Professional learning you can earn this year.</p>\n<!-- /wp:paragraph -->\n\n"
		. "<!-- wp:shortcode -->\n[microcred element=\"catalog\" src=\"$issuer/achievements\" lang=\"en\"]\n<!-- /wp:shortcode -->"
	),
	'block'     => wp_test_publish(
		'Nuestro catálogo de microcredenciales',
		'<!-- wp:microcred/embed ' . wp_json_encode(
			array(
				'element' => 'catalog',
				'src'     => "$issuer/achievements?lang=es",
				'lang'    => 'es',
			),
			JSON_UNESCAPED_SLASHES
		) . ' /-->'
	),
	'verify'    => wp_test_publish(
		'My latest credential',
		"<!-- wp:shortcode -->\n[microcred element=\"verify\" src=\"$issuer/examples/valid\"]\n<!-- /wp:shortcode -->"
	),
	'plain'     => wp_test_publish( 'News', "<!-- wp:paragraph -->\n<p>No badges here.</p>\n<!-- /wp:paragraph -->" ),
	// What the block editor saves when a credential address is pasted on its own line.
	'oembed'    => wp_test_publish(
		'A badge',
		"<!-- wp:embed {\"url\":\"$issuer/examples/valid\"} -->\n<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n$issuer/examples/valid\n</div></figure>\n<!-- /wp:embed -->"
	),
	'script'    => wp_test_publish( 'A script', "<!-- wp:html -->\n<script src=\"$issuer/x.js\"></script>\n<!-- /wp:html -->" ),
);

echo wp_json_encode(
	array(
		'posts'                => $posts,
		'authorRole'           => get_userdata( $author )->roles[0],
		'authorUnfilteredHtml' => current_user_can( 'unfiltered_html' ),
		'scriptPostContent'    => get_post( $posts['script'] )->post_content,
	)
);
