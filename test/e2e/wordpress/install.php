<?php
/**
 * Installs the test WordPress: creates its database, runs wp_install() (what the web installer's
 * last step runs; Debian has no WP-CLI), installs the Microcred plugin from its zip and activates it.
 * Prints JSON. Environment: MC_WP (the WordPress folder), MC_SITE (its address), MC_DB_SOCKET
 * (MariaDB's socket), MC_PLUGIN_ZIP (the plugin's zip).
 *
 * @package Microcred
 */

$db = new mysqli( 'localhost', 'root', '', '', 0, getenv( 'MC_DB_SOCKET' ) );
$db->query( 'CREATE DATABASE wordpress CHARACTER SET utf8mb4' );
$db->close();

define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST'] = wp_test_host( getenv( 'MC_SITE' ) );

/** No mail on this machine: the "new site" e-mail is not sent. */
function wp_new_blog_notification() {}

/**
 * The host:port of an address.
 *
 * @param string $url An address.
 */
function wp_test_host( $url ) {
	$parts = parse_url( $url );
	return $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
}

require getenv( 'MC_WP' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

wp_install( 'Lakeside Unified School District', 'admin', 'admin@example.com', false, '', wp_generate_password() );
update_option( 'siteurl', getenv( 'MC_SITE' ) );
update_option( 'home', getenv( 'MC_SITE' ) );
// Offline: no avatars from gravatar.com in the admin bar.
update_option( 'show_avatars', 0 );
// The plugin's zip, unpacked by WordPress's own unzip_file() into the plugins folder, as
// Plugins → Add New → Upload Plugin does.
WP_Filesystem();
$unzipped = unzip_file( getenv( 'MC_PLUGIN_ZIP' ), WP_PLUGIN_DIR );
if ( is_wp_error( $unzipped ) ) {
	fwrite( STDERR, 'unzip_file: ' . $unzipped->get_error_message() );
	exit( 1 );
}
$activated = activate_plugin( 'microcred/microcred.php' );

echo wp_json_encode(
	array(
		'wordpress'     => $GLOBALS['wp_version'],
		'theme'         => get_stylesheet(),
		'activated'     => null === $activated && is_plugin_active( 'microcred/microcred.php' ),
		'activateError' => is_wp_error( $activated ) ? $activated->get_error_message() : null,
	)
);
