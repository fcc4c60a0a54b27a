<?php
/*
 * wp-render-oracle.php - runs WordPress's own text filters on inputs, so that
 * pressd's unit tests can quote WordPress's output as expectations.
 *
 *   php tools/wp-render-oracle.php /path/to/wordpress < cases.json > out.json
 *
 * The WordPress tree (e.g. 6.9.4: git archive 6.9.4 of johnpbloch/wordpress-core)
 * is given on the command line; nothing of WordPress is in this file. It loads
 * the wp-includes files the filters live in plus default-filters.php, and
 * stubs what would need a database (options, users, the post cache).
 *
 * stdin: a JSON array of [filter, input] or [filter, input, extra] items;
 * stdout: the JSON array of outputs, in the same order. Filters:
 *   wptexturize, wpautop, wpautop_nobr, shortcode_unautop, convert_chars,
 *   capital_P_dangit (content mode), convert_smilies, strip_shortcodes, wp_strip_all_tags,
 *   wp_trim_words, excerpt_remove_blocks, excerpt_remove_footnotes,
 *   sanitize_title (context save), sanitize_user (strict when extra is '1'),
 *   style_declaration    WP_Style_Engine_CSS_Declarations of { extra: input }
 *   the_title            apply_filters('the_title', input)
 *   the_content          apply_filters('the_content', input), filters pressd
 *                        does not run (oEmbed, block hooks ...) removed
 *   excerpt              the REST excerpt.rendered of a post whose content is
 *                        input and whose explicit excerpt is extra ('' default)
 *   esc_url, esc_url_raw with wp_allowed_protocols()
 *   embed_shortcode      WP_Embed::run_shortcode(input), every oEmbed lookup a
 *                        cached failure (pressd fetches nothing)
 * All items run in one process, in order (like one WordPress request).
 *
 * Limits: no block type is registered, so render_block() applies no block
 * supports (layout classes ...) and no dynamic render callbacks; shortcodes
 * that query attachments ([gallery] ...) cannot run. Use it for the text
 * filters, titles and excerpts (whose tags are stripped), not for block output.
 */

if ( $argc < 2 || ! is_file( $argv[1] . '/wp-includes/formatting.php' ) ) {
	fwrite( STDERR, "usage: php wp-render-oracle.php WORDPRESS_DIR < cases.json\n" );
	exit( 2 );
}
$wp = rtrim( $argv[1], '/' );

define( 'ABSPATH', $wp . '/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', ABSPATH . 'wp-content' );
define( 'WP_CONTENT_URL', 'http://example.org/wp-content' );
define( 'WP_DEBUG', false );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'OBJECT', 'OBJECT' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'EP_NONE', 0 );

$site_url = 'http://example.org';

/* ---- stubs for what WordPress reads from the database ---- */
$oracle_options = array(
	'siteurl'     => $site_url,
	'home'        => $site_url,
	'use_smilies' => '1',
	'blog_charset' => 'UTF-8',
	'html_type'   => 'text/html',
);
function get_userdata( $id ) { return false; }
function wp_cache_get( $key, $group = '', $force = false, &$found = null ) { $found = false; return false; }
function wp_cache_set( $key, $data, $group = '', $expire = 0 ) { return true; }
function wp_cache_add( $key, $data, $group = '', $expire = 0 ) { return true; }
function wp_cache_delete( $key, $group = '' ) { return true; }
function get_post_meta( $post_id, $key = '', $single = false ) {
	if ( str_starts_with( $key, '_oembed_' ) && ! str_starts_with( $key, '_oembed_time_' ) ) {
		return '{{unknown}}'; /* a failed oEmbed fetch, as WP_Embed caches it */
	}
	return $single ? '' : array();
}
function site_url( $path = '', $scheme = null ) { return get_option( 'siteurl' ) . ( $path ? '/' . ltrim( $path, '/' ) : '' ); }
function home_url( $path = '', $scheme = null ) { return get_option( 'home' ) . ( $path ? '/' . ltrim( $path, '/' ) : '' ); }
function includes_url( $path = '', $scheme = null ) { return site_url( '/' . WPINC . '/' ) . ltrim( $path, '/' ); }

/* WP_Block::render() compares asset queues before and after; none here. */
class Oracle_Queue {
	public $queue = array();
	public function get_queue() { return array(); }
}
function wp_styles() { static $q; return $q ? $q : ( $q = new Oracle_Queue() ); }
function wp_scripts() { static $q; return $q ? $q : ( $q = new Oracle_Queue() ); }
function wp_script_modules() { static $q; return $q ? $q : ( $q = new Oracle_Queue() ); }

/* The one post being rendered: get_post() hands it out. */
$oracle_post = null;
function get_post( $post = null, $output = OBJECT, $filter = 'raw' ) {
	global $oracle_post;
	if ( $post instanceof WP_Post ) {
		return $post;
	}
	return $oracle_post;
}

foreach ( array(
	'version.php', 'compat-utf8.php', 'compat.php', 'load.php', 'class-wp-list-util.php', 'utf8.php', 'plugin.php', 'class-wp-hook.php', 'pomo/translations.php', 'l10n.php', 'class-wp-error.php',
	'functions.php', 'formatting.php', 'kses.php', 'http.php', 'shortcodes.php', 'media.php',
	'class-wp-embed.php', 'embed.php', 'blocks.php', 'class-wp-block-parser.php', 'class-wp-block-parser-block.php',
	'class-wp-block-parser-frame.php', 'class-wp-block.php', 'class-wp-block-list.php',
	'class-wp-block-type.php', 'block-bindings.php', 'class-wp-block-bindings-registry.php', 'class-wp-block-type-registry.php', 'class-wp-post.php',
	'class-wp-query.php', 'query.php', 'post-template.php', 'html-api/class-wp-html-attribute-token.php',
	'html-api/class-wp-html-span.php', 'html-api/class-wp-html-text-replacement.php',
	'html-api/class-wp-html-decoder.php', 'class-wp-token-map.php', 'html-api/html5-named-character-references.php',
	'html-api/class-wp-html-tag-processor.php', 'style-engine/class-wp-style-engine-css-declarations.php',
) as $file ) {
	require_once ABSPATH . WPINC . '/' . $file;
}
/* get_option() is WordPress's own; the pre_option filter answers it. */
add_filter( 'pre_option', function ( $pre, $name, $default_value ) {
	global $oracle_options;
	if ( array_key_exists( $name, $oracle_options ) ) {
		return $oracle_options[ $name ];
	}
	fwrite( STDERR, "oracle: unknown option $name\n" );
	return false === $default_value ? '' : $default_value;
}, 10, 3 );
$GLOBALS['wp_query'] = new WP_Query();
$GLOBALS['wp_the_query'] = $GLOBALS['wp_query'];
require ABSPATH . WPINC . '/default-filters.php';
$GLOBALS['wp_embed'] = new WP_Embed(); /* as wp-settings.php does, after media.php */

/* default-filters.php names callbacks from files not loaded here (template,
 * script loader, block supports of registered block types ...); they cannot
 * run, so they are dropped. ORACLE_VERBOSE=1 lists them on stderr. */
foreach ( $GLOBALS['wp_filter'] as $hook => $wp_hook ) {
	foreach ( $wp_hook->callbacks as $prio => $cbs ) {
		foreach ( $cbs as $cb ) {
			if ( is_string( $cb['function'] ) && ! function_exists( $cb['function'] ) ) {
				remove_filter( $hook, $cb['function'], $prio );
				if ( getenv( 'ORACLE_VERBOSE' ) ) {
					fwrite( STDERR, "oracle: dropped $hook -> {$cb['function']}\n" );
				}
			}
		}
	}
}

smilies_init(); /* hooked to init, which this harness does not fire */

/* Filters pressd does not run (no oEmbed, no attachments, no block hooks). */
foreach ( array( 'the_content', 'the_excerpt', 'the_title' ) as $hook ) {
	foreach ( array( 'apply_block_hooks_to_content_from_post_object', 'prepend_attachment',
		'wp_replace_insecure_home_url', 'wp_filter_content_tags' ) as $fn ) {
		foreach ( array( 8, 10, 12 ) as $prio ) {
			remove_filter( $hook, $fn, $prio );
		}
	}
	if ( isset( $GLOBALS['wp_embed'] ) ) {
		remove_filter( $hook, array( $GLOBALS['wp_embed'], 'run_shortcode' ), 8 );
		remove_filter( $hook, array( $GLOBALS['wp_embed'], 'autoembed' ), 8 );
	}
}

function oracle_excerpt( $content, $excerpt ) {
	global $oracle_post;
	$oracle_post = new WP_Post( (object) array(
		'ID' => 1, 'post_author' => 0, 'post_content' => $content, 'post_excerpt' => $excerpt,
		'post_type' => 'post', 'post_status' => 'publish', 'post_password' => '', 'filter' => 'raw',
		'post_date' => '2026-01-01 00:00:00', 'post_date_gmt' => '2026-01-01 00:00:00',
		'post_modified' => '2026-01-01 00:00:00', 'post_modified_gmt' => '2026-01-01 00:00:00',
	) );
	$GLOBALS['post'] = $oracle_post;
	/* WP_REST_Posts_Controller::prepare_item_for_response() */
	return apply_filters( 'the_excerpt', apply_filters( 'get_the_excerpt', $oracle_post->post_excerpt, $oracle_post ) );
}

/* WP_Embed without the oembed_cache post lookup (a database query). */
class Oracle_Embed extends WP_Embed {
	public function find_oembed_post_id( $cache_key ) { return null; }
}

$cases = json_decode( stream_get_contents( STDIN ), true );
if ( ! is_array( $cases ) ) {
	fwrite( STDERR, "stdin is not a JSON array\n" );
	exit( 2 );
}
$out = array();
foreach ( $cases as $case ) {
	list( $filter, $in ) = $case;
	$extra = isset( $case[2] ) ? $case[2] : '';
	switch ( $filter ) {
		case 'wpautop':
			$out[] = wpautop( $in );
			break;
		case 'wpautop_nobr':
			$out[] = wpautop( $in, false );
			break;
		case 'wp_trim_words':
			$out[] = wp_trim_words( $in, '' === $extra ? 55 : (int) $extra );
			break;
		case 'style_declaration':
			/* the style engine's compiled declaration of property extra */
			$d = new WP_Style_Engine_CSS_Declarations( array( $extra => $in ) );
			$out[] = $d->get_declarations_string();
			break;
		case 'sanitize_title':
			$out[] = sanitize_title( $in, '', 'save' );
			break;
		case 'sanitize_user':
			$out[] = sanitize_user( $in, '1' === $extra );
			break;
		case 'the_title':
			$out[] = apply_filters( 'the_title', $in, 1 );
			break;
		case 'the_content':
			$out[] = apply_filters( 'the_content', $in );
			break;
		case 'embed_shortcode':
			$embed = new Oracle_Embed();
			$embed->post_ID  = 1;
			$embed->usecache = true;
			$out[] = $embed->run_shortcode( $in );
			break;
		case 'excerpt':
			$out[] = oracle_excerpt( $in, $extra );
			break;
		case 'wptexturize': case 'shortcode_unautop': case 'convert_chars': case 'capital_P_dangit':
		case 'convert_smilies': case 'strip_shortcodes': case 'wp_strip_all_tags': case 'excerpt_remove_blocks':
		case 'excerpt_remove_footnotes': case 'esc_url': case 'esc_url_raw':
			$out[] = $filter( $in );
			break;
		default:
			fwrite( STDERR, "unknown filter $filter\n" );
			exit( 2 );
	}
}
echo json_encode( $out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT ), "\n";
