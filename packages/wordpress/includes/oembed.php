<?php
/**
 * oEmbed: a credential or catalog address pasted on its own line in a post becomes the issuer's
 * frame (the issuer's /oembed endpoint answers `type: rich` with the iframe HTML). WordPress embeds
 * only addresses of providers it knows; this registers the Microcred demo issuer and lets a site
 * owner add their own issuer with the `microcred_oembed_providers` filter:
 *
 *     add_filter( 'microcred_oembed_providers', function ( $providers ) {
 *         $providers['https://badges.district.example/credentials/*'] = 'https://badges.district.example/oembed';
 *         $providers['https://badges.district.example/achievements*'] = 'https://badges.district.example/oembed';
 *         return $providers;
 *     } );
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

/**
 * The oEmbed providers: address pattern => the issuer's oEmbed endpoint. A pattern is a wildcard
 * address (`*` matches anything) or a regular expression that starts with `#`.
 *
 * @return array<string, string>
 */
function microcred_oembed_providers() {
	$providers = array(
		// The Microcred demo issuer (demo/server, `npm start`) on its default port: its credentials, its
		// verify page's examples and its catalog (docs/embed/oembed.md).
		'#^http://localhost:8787/(credentials/[^?\#]+|examples/[^?\#]+|achievements/?)(\?.*)?$#i' => 'http://localhost:8787/oembed',
		'#^http://127\.0\.0\.1:8787/(credentials/[^?\#]+|examples/[^?\#]+|achievements/?)(\?.*)?$#i' => 'http://127.0.0.1:8787/oembed',
	);
	/**
	 * Filters the issuers whose credential and catalog addresses WordPress embeds.
	 *
	 * @param array<string, string> $providers Address pattern (wildcard, or a regular expression
	 *                                         starting with `#`) => the issuer's oEmbed endpoint.
	 */
	$providers = apply_filters( 'microcred_oembed_providers', $providers );
	$checked   = array();
	foreach ( (array) $providers as $pattern => $endpoint ) {
		if ( is_string( $pattern ) && '' !== $pattern && is_string( $endpoint ) && null !== microcred_http_url( $endpoint ) ) {
			$checked[ $pattern ] = $endpoint;
		}
	}
	return $checked;
}

/** Registers each provider with WordPress's oEmbed. */
function microcred_register_oembed_providers() {
	foreach ( microcred_oembed_providers() as $pattern => $endpoint ) {
		wp_oembed_add_provider( $pattern, $endpoint, '#' === $pattern[0] );
	}
}
add_action( 'init', 'microcred_register_oembed_providers', 20 );

/**
 * Whether a request WordPress is about to make is a call to one of these oEmbed endpoints.
 *
 * @param string $url The request's address.
 * @return bool
 */
function microcred_is_oembed_request( $url ) {
	foreach ( microcred_oembed_providers() as $endpoint ) {
		if ( 0 === strpos( $url, $endpoint . '?' ) ) {
			return true;
		}
	}
	return false;
}

/*
 * WordPress fetches oEmbed answers with wp_safe_remote_get(), which refuses local hosts and ports
 * other than 80, 443 and 8080. A site owner who names an issuer's endpoint means WordPress to call
 * it (a district issuer may be on the intranet; the demo issuer is on localhost:8787): allow exactly
 * those endpoint addresses, nothing else.
 */
add_filter(
	'http_request_host_is_external',
	static function ( $external, $host, $url = '' ) {
		return $external || ( is_string( $url ) && microcred_is_oembed_request( $url ) );
	},
	10,
	3
);
add_filter(
	'http_allowed_safe_ports',
	static function ( $ports, $host = '', $url = '' ) {
		if ( is_string( $url ) && microcred_is_oembed_request( $url ) ) {
			$port = wp_parse_url( $url, PHP_URL_PORT );
			if ( $port ) {
				$ports[] = (int) $port;
			}
		}
		return $ports;
	},
	10,
	3
);

/** Registers the script that fits Microcred frames to their content (js/frame-size.js). */
add_action(
	'init',
	static function () {
		wp_register_script( 'microcred-frame-size', plugins_url( 'js/frame-size.js', MICROCRED_FILE ), array(), MICROCRED_VERSION, true );
	}
);

/**
 * Marks the iframe of an embed from one of these issuers (`data-microcred-frame`) and queues the
 * script that sets its height from the frame's `mc-frame-size` messages, so the frame fits its
 * content instead of scrolling inside the issuer's default height.
 *
 * @param string|false $html The embed's HTML (false when there is none).
 * @param string       $url  The embedded address.
 * @return string|false
 */
function microcred_oembed_html( $html, $url ) {
	if ( ! is_string( $html ) || false === stripos( $html, '<iframe' ) || ! is_string( $url ) ) {
		return $html;
	}
	$provider = _wp_oembed_get_object()->get_provider( $url, array( 'discover' => false ) );
	if ( ! $provider || ! in_array( $provider, microcred_oembed_providers(), true ) ) {
		return $html;
	}
	wp_enqueue_script( 'microcred-frame-size' );
	return preg_replace( '/<iframe(?=[\s>])/i', '<iframe data-microcred-frame', $html, 1 );
}
add_filter( 'embed_oembed_html', 'microcred_oembed_html', 10, 2 );

