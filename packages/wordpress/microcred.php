<?php
/**
 * Plugin Name:       Microcred
 * Plugin URI:        https://github.com/microcred/microcred
 * Description:       Show micro-credentials on any page without a script tag: a catalog, a credential card, a verify button, a progress tracker or a badge wallet, through the [microcred] shortcode or the Microcred block. Works for authors and editors whose HTML is filtered.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Microcred
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       microcred
 * Domain Path:       /languages
 *
 * @package Microcred
 */

defined( 'ABSPATH' ) || exit;

define( 'MICROCRED_VERSION', '0.1.0' );
define( 'MICROCRED_FILE', __FILE__ );
define( 'MICROCRED_DIR', __DIR__ );

require_once __DIR__ . '/includes/embed.php';
require_once __DIR__ . '/includes/scripts.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/oembed.php';
require_once __DIR__ . '/includes/i18n.php';
