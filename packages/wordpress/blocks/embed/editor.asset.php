<?php
/**
 * The editor script's dependencies and version, as WordPress reads them for a block.json script
 * (written by hand: the script is plain JavaScript with no build step).
 *
 * @package Microcred
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
	'version'      => '0.1.0',
);
