<?php
/**
 * Renders shortcodes with hostile and ordinary options, as a visitor and as the author, and asks
 * WordPress's oEmbed which provider each address belongs to. Prints JSON.
 * Environment: MC_WP, MC_SITE, MC_ISSUER, and MC_LOCALE (a WordPress locale such as es_MX) to render
 * in that language.
 *
 * @package Microcred
 */

// Hooks set before WordPress loads (WP_Hook::build_preinitialized_hooks): the site's locale.
if ( getenv( 'MC_LOCALE' ) ) {
	$GLOBALS['wp_filter'] = array(
		'pre_determine_locale' => array(
			10 => array(
				array(
					'function'      => static function () {
						return getenv( 'MC_LOCALE' );
					},
					'accepted_args' => 1,
				),
			),
		),
	);
}
$parts                = parse_url( getenv( 'MC_SITE' ) );
$_SERVER['HTTP_HOST'] = $parts['host'] . ':' . $parts['port'];
require getenv( 'MC_WP' ) . '/wp-load.php';

$issuer     = getenv( 'MC_ISSUER' );
$shortcodes = array(
	'javascript' => '[microcred element="card" src="javascript:alert(1)"]',
	'data'       => '[microcred element="card" src="data:application/json,{}"]',
	'relative'   => '[microcred element="catalog" src="/achievements"]',
	'quote'      => "[microcred element=\"card\" src='https://x.example/c.json\" onmouseover=\"alert(1)']",
	'userinfo'   => '[microcred element="card" src="https://user:secret@x.example/c.json"]',
	'element'    => "[microcred element=\"iframe\" src=\"$issuer/achievements\"]",
	'lang'       => "[microcred element=\"catalog\" src=\"$issuer/achievements\" lang=\"fr\"]",
	'variant'    => "[microcred element=\"catalog\" src=\"$issuer/achievements\" variant=\"compact\"]",
	'option'     => "[microcred element=\"card\" src=\"$issuer/credentials/1\" page-size=\"10\"]",
	'missing'    => '[microcred element="catalog"]',
	'label'      => "[microcred element=\"wallet\" src=\"$issuer/educators/ana\" label='\"><script>alert(1)</script>']",
	'ampersand'  => "[microcred element=\"catalog\" src=\"$issuer/achievements?lang=es&amp;x=1\"]",
	'verify'     => "[microcred element=\"verify\" src=\"$issuer/credentials/1\" variant=\"compact\"]",
	'tracker'    => "[microcred element=\"tracker\" src=\"$issuer/achievements#stack\" lang=\"es-MX\" records-src=\"$issuer/educators/ana/progress\"]",
	'card'       => "[microcred src=\"$issuer/credentials/1\" heading-level=\"4\"]",
	'grouped'    => "[microcred element=\"wallet\" src=\"$issuer/educators/ana\" group-by=\"issuer\"]",
);

$out = array();
foreach ( array(
	'visitor' => 0,
	'author'  => get_user_by( 'login', 'author' )->ID,
) as $who => $user ) {
	wp_set_current_user( $user );
	foreach ( $shortcodes as $name => $shortcode ) {
		$out[ $who ][ $name ] = do_shortcode( $shortcode );
	}
}
$queued = array_values( array_filter( wp_scripts()->queue, static function ( $h ) {
	return 0 === strpos( $h, 'microcred-' );
} ) );
sort( $queued );
$out['queued'] = $queued;

$oembed = _wp_oembed_get_object();
foreach ( array(
	'http://localhost:8787/credentials/abc',
	'http://localhost:8787/achievements?lang=es',
	'http://localhost:8787/examples/valid',
	'http://127.0.0.1:8787/credentials/abc',
	"$issuer/credentials/abc",
	'https://evil.example/credentials/abc',
) as $url ) {
	$out['providers'][ $url ] = $oembed->get_provider( $url, array( 'discover' => false ) );
}
echo wp_json_encode( $out );
