<?php
/*
 * wp-kses-oracle.php - runs WordPress's own kses over test inputs, to produce the
 * expected values for tests/unit/kses.c and for differential runs against
 * server/kses.c. Contains no WordPress code: it loads wp-includes/ from a
 * WordPress tree given on the command line.
 *
 *   php tools/wp-kses-oracle.php /tmp/wp694 < cases.json > expected.json
 *
 * stdin:  JSON array of {"context": C, "input": S} (or "b64": base64 of S for
 *         byte strings that are not UTF-8). C is one of
 *           post         wp_kses(S, 'post')      (content_save_pre, excerpt_save_pre)
 *           data         wp_kses(S, 'data')      (title_save_pre, pre_comment_content)
 *           description  wp_kses(S, 'pre_term_description') (term/user descriptions)
 *           strip        wp_kses(S, 'strip')     (wp_filter_nohtml_kses)
 *           entities     wp_kses_normalize_entities(S)
 *           protocol     wp_kses_bad_protocol(S, wp_allowed_protocols())
 *           css          safecss_filter_attr(S)
 * stdout: JSON array, one {"output": S} (or {"b64": ...}) per case, in order;
 *         {"error": …} where WordPress itself throws (a fatal error there).
 *
 * The 'pre_kses' filters WordPress registers in default-filters.php
 * (wp_pre_kses_less_than, wp_pre_kses_block_attributes) are added as a stock
 * site has them; --no-pre-kses leaves them out. Options come from
 * pre_option_* filters: blog_charset UTF-8, siteurl/home http://example.org,
 * default upload paths (so <object data> PDFs must live on example.org).
 */

if ( $argc < 2 || ! is_dir( $argv[1] . '/wp-includes' ) ) {
	fwrite( STDERR, "usage: php wp-kses-oracle.php WORDPRESS_TREE [--no-pre-kses] < cases.json\n" );
	exit( 2 );
}
$tree       = rtrim( $argv[1], '/' );
$with_pre   = ! in_array( '--no-pre-kses', $argv, true );
error_reporting( E_ALL & ~E_DEPRECATED );

define( 'ABSPATH', $tree . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', $tree . '/wp-content' );
define( 'WP_CONTENT_URL', 'http://example.org/wp-content' );

foreach ( array(
	'compat-utf8.php', 'compat.php', 'utf8.php', 'load.php', 'plugin.php', 'functions.php', 'formatting.php', 'kses.php', 'http.php',
	'blocks.php', 'class-wp-block-parser-block.php', 'class-wp-block-parser-frame.php',
	'class-wp-block-parser.php', 'link-template.php', 'ms-functions.php',
) as $file ) {
	require_once ABSPATH . WPINC . '/' . $file;
}

$options = array(
	'blog_charset'                  => 'UTF-8',
	'siteurl'                       => 'http://example.org',
	'home'                          => 'http://example.org',
	'upload_path'                   => '',
	'upload_url_path'               => '',
	'uploads_use_yearmonth_folders' => '0',
);
foreach ( $options as $name => $value ) {
	add_filter( "pre_option_$name", function () use ( $value ) { return $value; } );
}
// wp_upload_dir() would create the directory; only the URL matters here.
add_filter( 'upload_dir', function ( $u ) { return $u; } );

function register_pre_kses( $with_pre ) {
	remove_all_filters( 'pre_kses' );
	if ( $with_pre ) {
		add_filter( 'pre_kses', 'wp_pre_kses_less_than' );
		add_filter( 'pre_kses', 'wp_pre_kses_block_attributes', 10, 3 );
	}
}
register_pre_kses( $with_pre );

$cases = json_decode( stream_get_contents( STDIN ), true );
if ( ! is_array( $cases ) ) {
	fwrite( STDERR, "stdin is not a JSON array\n" );
	exit( 2 );
}

$out = array();
foreach ( $cases as $case ) {
	$in = isset( $case['b64'] ) ? base64_decode( $case['b64'] ) : $case['input'];
	try {
		$r = run_case( $case['context'], $in );
	} catch ( Throwable $e ) {
		// WordPress itself fails here (a fatal error, HTTP 500).
		$out[] = array( 'error' => get_class( $e ) . ': ' . $e->getMessage() );
		register_pre_kses( $with_pre ); // the throw skipped wp_pre_kses_block_attributes' re-add
		continue;
	}
	$r     = (string) $r;
	$out[] = preg_match( '//u', $r ) ? array( 'output' => $r ) : array( 'b64' => base64_encode( $r ) );
}
echo json_encode( $out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT ), "\n";

function run_case( $context, $in ) {
	switch ( $context ) {
		case 'post':
			$r = wp_kses( $in, 'post' );
			break;
		case 'data':
			$r = wp_kses( $in, 'data' );
			break;
		case 'description':
			$r = wp_kses( $in, 'pre_term_description' );
			break;
		case 'strip':
			$r = wp_kses( $in, 'strip' );
			break;
		case 'entities':
			$r = wp_kses_normalize_entities( $in );
			break;
		case 'protocol':
			$r = wp_kses_bad_protocol( $in, wp_allowed_protocols() );
			break;
		case 'css':
			$r = safecss_filter_attr( $in );
			break;
		default:
			fwrite( STDERR, "unknown context $context\n" );
			exit( 2 );
	}
	return $r;
}
