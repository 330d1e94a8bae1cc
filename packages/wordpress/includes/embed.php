<?php
/**
 * One embed: the options a shortcode or block was given, checked, and the element markup they
 * become. Shared by the [microcred] shortcode and the microcred/embed block, so both accept exactly
 * the same things. Every value comes from an author and is treated as hostile: only listed values
 * pass, addresses must be absolute http(s) URLs, and every attribute is escaped on output.
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

/**
 * The elements an embed can show: the tag, the element scripts it needs (dist/elements/mc-<name>.js),
 * whether it takes a variant, and its own options (option name => kind of value).
 *
 * @return array<string, array{tag: string, scripts: string[], variant: bool, options: array<string, string>}>
 */
function microcred_elements() {
	return array(
		'card'    => array(
			'tag'     => 'mc-credential-card',
			'scripts' => array( 'credential-card' ),
			'variant' => true,
			'options' => array(),
		),
		'verify'  => array(
			'tag'     => 'mc-credential-card',
			'scripts' => array( 'credential-card', 'verify-button' ),
			'variant' => true,
			'options' => array(),
		),
		'catalog' => array(
			'tag'     => 'mc-catalog',
			'scripts' => array( 'catalog' ),
			'variant' => false,
			'options' => array( 'page-size' => 'count' ),
		),
		'tracker' => array(
			'tag'     => 'mc-progress-tracker',
			'scripts' => array( 'progress-tracker' ),
			'variant' => true,
			'options' => array( 'records-src' => 'url' ),
		),
		'wallet'  => array(
			'tag'     => 'mc-badge-wallet',
			'scripts' => array( 'badge-wallet' ),
			'variant' => false,
			'options' => array(
				'group-by' => 'group-by',
				'sort-by'  => 'sort-by',
				'label'    => 'text',
			),
		),
	);
}

/**
 * The address when it is an absolute http: or https: URL with a host and without a user name or
 * password (at most 2,048 characters); null for anything else (javascript:, data:, relative, …).
 *
 * @param mixed $value An author's value.
 * @return string|null
 */
function microcred_http_url( $value ) {
	if ( ! is_string( $value ) || '' === $value || strlen( $value ) > 2048 || trim( $value ) !== $value ) {
		return null;
	}
	if ( preg_match( '/[\x00-\x20\x7f"<>\\\\`]/', $value ) ) {
		return null;
	}
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return null;
	}
	if ( ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
		return null;
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
		return null;
	}
	return $value;
}

/**
 * Checks an embed's options. Option names are the shortcode's (element, src, lang, variant,
 * heading-level and each element's own: page-size, records-src, group-by, sort-by, label).
 *
 * @param array $given Option name => value, as an author wrote them.
 * @return array|WP_Error The checked embed (element, src, lang, variant, heading-level, options), or
 *                        every problem found (each option is judged on its own). heading-level
 *                        defaults to 2: an embed sits under its post's title.
 */
function microcred_check_embed( array $given ) {
	$elements = microcred_elements();
	$problems = new WP_Error();
	$value    = static function ( $name ) use ( $given ) {
		return isset( $given[ $name ] ) && is_scalar( $given[ $name ] ) ? trim( (string) $given[ $name ] ) : '';
	};

	$element = '' === $value( 'element' ) ? 'card' : strtolower( $value( 'element' ) );
	if ( ! isset( $elements[ $element ] ) ) {
		$problems->add( 'unknown-element', microcred_problem_text( 'unknown-element', $element ) );
		$element = null;
	}

	$src = null;
	if ( '' === $value( 'src' ) ) {
		$problems->add( 'missing-src', microcred_problem_text( 'missing-src' ) );
	} else {
		$src = microcred_http_url( $value( 'src' ) );
		if ( null === $src ) {
			$problems->add( 'unsafe-src', microcred_problem_text( 'unsafe-src' ) );
		}
	}

	$lang = '';
	if ( '' !== $value( 'lang' ) ) {
		if ( preg_match( '/^(en|es)(?:-[a-z0-9]{1,8})*$/i', $value( 'lang' ), $m ) ) {
			$lang = strtolower( $m[1] );
		} else {
			$problems->add( 'bad-lang', microcred_problem_text( 'bad-lang' ) );
		}
	}

	$variant = '';
	if ( '' !== $value( 'variant' ) ) {
		if ( ! in_array( $value( 'variant' ), array( 'full', 'compact' ), true ) || ( $element && ! $elements[ $element ]['variant'] ) ) {
			$problems->add( 'bad-variant', microcred_problem_text( 'bad-variant' ) );
		} else {
			$variant = $value( 'variant' );
		}
	}

	$heading = '';
	if ( '' !== $value( 'heading-level' ) ) {
		if ( preg_match( '/^[1-6]$/', $value( 'heading-level' ) ) ) {
			$heading = $value( 'heading-level' );
		} else {
			$problems->add( 'bad-option', microcred_problem_text( 'bad-option', 'heading-level' ) );
		}
	}

	$options = array();
	$common  = array( 'element', 'src', 'lang', 'variant', 'heading-level' );
	foreach ( $given as $name => $raw ) {
		if ( in_array( $name, $common, true ) ) {
			continue;
		}
		$kind = ( $element && is_string( $name ) && isset( $elements[ $element ]['options'][ $name ] ) ) ? $elements[ $element ]['options'][ $name ] : null;
		if ( null === $kind ) {
			if ( $element ) {
				$problems->add( 'unknown-option', microcred_problem_text( 'unknown-option', is_string( $name ) ? $name : (string) $raw ) );
			}
			continue;
		}
		$checked = microcred_check_option( $kind, is_scalar( $raw ) ? trim( (string) $raw ) : '' );
		if ( null === $checked ) {
			$problems->add( 'bad-option', microcred_problem_text( 'bad-option', $name ) );
		} elseif ( '' !== $checked ) {
			$options[ $name ] = $checked;
		}
	}

	if ( $problems->has_errors() ) {
		return $problems;
	}
	if ( '' === $heading ) {
		// Under the post's or page's title (its h1): names at h2, or a wallet's group headings at h2
		// and names at h3 when it is grouped (what frame.html does under its own h1).
		$grouped = 'wallet' === $element && isset( $options['group-by'] ) && 'none' !== $options['group-by'];
		$heading = $grouped ? '3' : '2';
	}
	return array(
		'element'       => $element,
		'src'           => $src,
		'lang'          => $lang,
		'variant'       => $variant,
		'heading-level' => $heading,
		'options'       => $options,
	);
}

/**
 * Checks one element option.
 *
 * @param string $kind  The kind of value (count, url, group-by, sort-by, text).
 * @param string $value The author's value ('' means not set).
 * @return string|null The value, '' when not set, null when refused.
 */
function microcred_check_option( $kind, $value ) {
	if ( '' === $value ) {
		return '';
	}
	switch ( $kind ) {
		case 'count':
			return preg_match( '/^\d{1,3}$/', $value ) && (int) $value >= 1 && (int) $value <= 200 ? $value : null;
		case 'url':
			return microcred_http_url( $value );
		case 'group-by':
			return in_array( $value, array( 'none', 'issuer', 'stack', 'year', 'type' ), true ) ? $value : null;
		case 'sort-by':
			return in_array( $value, array( 'order', 'name', 'newest', 'oldest', 'issuer' ), true ) ? $value : null;
		case 'text':
			return strlen( $value ) <= 200 && ! preg_match( '/[\x00-\x1f\x7f]/', $value ) ? $value : null;
	}
	return null;
}

/**
 * What an author is told about a refused option (in the signed-in user's language).
 *
 * @param string $code  The problem.
 * @param string $value The option's name or value it is about, if any.
 * @return string
 */
function microcred_problem_text( $code, $value = '' ) {
	switch ( $code ) {
		case 'unknown-element':
			/* translators: %s: the element the author asked for. */
			return sprintf( __( '"%s" is not something Microcred can show. Use card, verify, catalog, tracker or wallet.', 'microcred' ), $value );
		case 'missing-src':
			return __( 'Add the address (src) of the credential, catalog, pathway or credential list.', 'microcred' );
		case 'unsafe-src':
			return __( 'The address (src) must be a complete address that starts with https:// or http://.', 'microcred' );
		case 'bad-lang':
			return __( 'The language (lang) must be en (English) or es (Spanish).', 'microcred' );
		case 'bad-variant':
			return __( 'The variant must be full or compact, and only a card, verify or tracker has one.', 'microcred' );
		case 'unknown-option':
			/* translators: %s: the option's name. */
			return sprintf( __( 'Microcred does not know the option "%s" for this element.', 'microcred' ), $value );
		case 'bad-option':
			/* translators: %s: the option's name. */
			return sprintf( __( 'The value of "%s" is not valid.', 'microcred' ), $value );
		case 'no-files':
			return __( 'The plugin\'s script files are missing. Install Microcred from its zip file.', 'microcred' );
	}
	return $code;
}

/**
 * The link shown before the element's script runs, in feeds, and without JavaScript: in the embed's
 * language (the element's, not the reader's interface language), falling back to the site's.
 *
 * @param string $element The element.
 * @param string $lang    en, es, or '' for the site's language.
 * @return string Plain text (escape it).
 */
function microcred_fallback_text( $element, $lang ) {
	if ( '' === $lang ) {
		$lang = 0 === strpos( strtolower( get_bloginfo( 'language' ) ), 'es' ) ? 'es' : 'en';
	}
	$texts = array(
		'en' => array(
			'card'    => 'View the credential',
			'verify'  => 'View the credential',
			'catalog' => 'View the micro-credential catalog',
			'tracker' => 'View the progress',
			'wallet'  => 'View the credentials',
		),
		'es' => array(
			'card'    => 'Ver la credencial',
			'verify'  => 'Ver la credencial',
			'catalog' => 'Ver el catálogo de microcredenciales',
			'tracker' => 'Ver el progreso',
			'wallet'  => 'Ver las credenciales',
		),
	);
	return $texts[ $lang ][ $element ];
}

/**
 * The markup of one embed, and its element's scripts queued for this page (only pages with an embed
 * load them). Refused options render nothing for visitors and the problems for people who can edit.
 *
 * @param array  $given   Option name => value, as an author wrote them.
 * @param string $wrapper Attributes of the wrapping <div> (already escaped; a block's wrapper attributes).
 * @return string HTML.
 */
function microcred_render_embed( array $given, $wrapper = 'class="microcred-embed"' ) {
	$embed = microcred_check_embed( $given );
	if ( is_wp_error( $embed ) ) {
		return microcred_render_problems( $embed->get_error_messages() );
	}
	$element = microcred_elements()[ $embed['element'] ];
	foreach ( $element['scripts'] as $script ) {
		if ( ! microcred_enqueue_element( $script ) ) {
			return microcred_render_problems( array( microcred_problem_text( 'no-files' ) ) );
		}
	}

	$attributes = array(
		'src'           => esc_url( $embed['src'], array( 'http', 'https' ) ),
		'lang'          => esc_attr( $embed['lang'] ),
		'variant'       => esc_attr( $embed['variant'] ),
		'heading-level' => esc_attr( $embed['heading-level'] ),
	);
	foreach ( $embed['options'] as $name => $option ) {
		$attributes[ $name ] = 'url' === $element['options'][ $name ] ? esc_url( $option, array( 'http', 'https' ) ) : esc_attr( $option );
	}
	$html = '';
	foreach ( $attributes as $name => $escaped ) {
		if ( '' !== $escaped ) {
			$html .= ' ' . $name . '="' . $escaped . '"';
		}
	}

	$inner = '';
	if ( 'verify' === $embed['element'] ) {
		$inner .= '<mc-verify-button slot="status"></mc-verify-button>';
	}
	$inner .= '<a href="' . esc_url( $embed['src'], array( 'http', 'https' ) ) . '">' . esc_html( microcred_fallback_text( $embed['element'], $embed['lang'] ) ) . '</a>';

	return '<div ' . $wrapper . '><' . $element['tag'] . $html . '>' . $inner . '</' . $element['tag'] . '></div>';
}

/**
 * What a refused embed renders: nothing for visitors; for people who can edit posts, the problems.
 *
 * @param string[] $messages The problems, in words.
 * @return string HTML.
 */
function microcred_render_problems( array $messages ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	$items = '';
	foreach ( $messages as $message ) {
		$items .= '<li>' . esc_html( $message ) . '</li>';
	}
	return '<div class="microcred-problem" role="note"><p><strong>' . esc_html__( 'This Microcred embed cannot be shown (only people who can edit see this):', 'microcred' ) . '</strong></p><ul>' . $items . '</ul></div>';
}
