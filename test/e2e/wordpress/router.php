<?php
/**
 * PHP's built-in server as WordPress's .htaccess sets up Apache: files that exist are served as they
 * are; every other address goes to WordPress's index.php (which answers /favicon.ico, for one).
 *
 * @package Microcred
 */

$path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( '/' !== $path && file_exists( $_SERVER['DOCUMENT_ROOT'] . $path ) ) {
	return false;
}
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
