<?php
/**
 * Plugin Name:       delib
 * Plugin URI:        https://github.com/delib/delib/tree/main/packages/wordpress
 * Description:       Accessible polls, priority rankings, pairwise comparisons, budgets and needs-and-assets forms that post each response to your endpoint. A block and a shortcode for each.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The delib contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       delib
 *
 * @package delib
 */

defined( 'ABSPATH' ) || exit;

const DELIB_VERSION = '0.1.0';

/**
 * The widgets: each one's block attributes as they become the element's HTML attributes. The attribute
 * names and kinds follow the elements' own (see the packages' READMEs).
 */
function delib_widgets() {
	$common = array(
		'widgetId' => array( 'widget-id', 'string' ),
		'question' => array( 'question', 'string' ),
		'endpoint' => array( 'endpoint', 'url' ),
		'results'  => array( 'results', array( 'after-submit', 'always', 'after-close', 'never' ) ),
		'closes'   => array( 'closes', 'string' ),
		'remember' => array( 'remember', array( 'device', 'session', 'none' ) ),
	);
	return array(
		'poll'         => $common + array(
			'multiple'   => array( 'multiple', 'boolean' ),
			'maxChoices' => array( 'max-choices', 'number' ),
			'allowOther' => array( 'allow-other', 'boolean' ),
			'shuffle'    => array( 'shuffle', 'boolean' ),
		),
		'ranking'      => $common + array(
			'top'     => array( 'top', 'number' ),
			'shuffle' => array( 'shuffle', 'boolean' ),
		),
		'pairwise'     => $common + array(
			'votes'            => array( 'votes', 'number' ),
			'allowSuggestions' => array( 'allow-suggestions', 'boolean' ),
		),
		'budget'       => $common + array(
			'total'      => array( 'total', 'number' ),
			'unit'       => array( 'unit', 'string' ),
			'step'       => array( 'step', 'number' ),
			'mode'       => array( 'mode', array( 'inputs', 'dots' ) ),
			'requireAll' => array( 'require-all', 'boolean' ),
			'shuffle'    => array( 'shuffle', 'boolean' ),
		),
		'needs-assets' => array_diff_key( $common, array( 'question' => true ) ) + array(
			'privacyUrl' => array( 'privacy-url', 'url' ),
		),
	);
}

/** The plugin's settings, with their defaults. */
function delib_settings() {
	$saved = get_option( 'delib_settings', array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array(
			'endpoint'  => '',
			'theme'     => 'govuk',
			'source'    => 'bundled',
			'files_url' => '',
		)
	);
}

/** The themes the widgets ship (`widgets/themes/*.css`), or none. */
function delib_themes() {
	return array(
		'govuk'         => __( 'GOV.UK', 'delib' ),
		'default'       => __( 'Default', 'delib' ),
		'high-contrast' => __( 'High contrast', 'delib' ),
		'dark'          => __( 'Dark', 'delib' ),
		'none'          => __( 'None (the site styles them)', 'delib' ),
	);
}

/** Where the widgets' files come from: bundled with the plugin, or the address in the settings. */
function delib_files_url() {
	$settings = delib_settings();
	if ( 'url' === $settings['source'] && $settings['files_url'] ) {
		return trailingslashit( $settings['files_url'] );
	}
	return plugins_url( 'widgets/', __FILE__ );
}

/** The loader and the theme, registered for whichever page needs them. */
function delib_register_assets() {
	$files = delib_files_url();
	wp_register_script( 'delib-loader', $files . 'delib.js', array(), DELIB_VERSION, true );
	$theme = delib_settings()['theme'];
	if ( 'none' !== $theme && isset( delib_themes()[ $theme ] ) ) {
		wp_register_style( 'delib-theme', $files . 'themes/' . $theme . '.css', array(), DELIB_VERSION );
	}
}
add_action( 'init', 'delib_register_assets' );

/** The loader is an ES module. */
function delib_module_tag( $tag, $handle, $src ) {
	if ( 'delib-loader' !== $handle ) {
		return $tag;
	}
	// phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- this is the enqueued script's own tag.
	return sprintf( '<script type="module" src="%s" id="delib-loader-js"></script>' . "\n", esc_url( $src ) );
}
add_filter( 'script_loader_tag', 'delib_module_tag', 10, 3 );

/** Loads the loader and the theme: in the head when the post is known to use a widget, else when one renders. */
function delib_enqueue() {
	wp_enqueue_script( 'delib-loader' );
	if ( wp_style_is( 'delib-theme', 'registered' ) ) {
		wp_enqueue_style( 'delib-theme' );
	}
}

/** Whether the current post holds a delib block or shortcode, so that the files load in the head. */
function delib_enqueue_for_post() {
	$post = get_post();
	if ( ! is_singular() || ! $post ) {
		return;
	}
	foreach ( array_keys( delib_widgets() ) as $kind ) {
		if ( has_block( 'delib/' . $kind, $post ) || has_shortcode( $post->post_content, 'delib_' . str_replace( '-', '_', $kind ) ) ) {
			delib_enqueue();
			return;
		}
	}
}
add_action( 'wp_enqueue_scripts', 'delib_enqueue_for_post' );

/** Plain text from a saved value: block attributes reach us through kses, which writes `&` as `&amp;`. */
function delib_text( $value, $max = 1000 ) {
	$text = wp_strip_all_tags( html_entity_decode( (string) $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
	return mb_substr( trim( $text ), 0, $max );
}

/**
 * The element for a widget: `$values` by block attribute name, `$options` as value => label. Every
 * attribute and text is escaped here, on output; nothing a post holds is written out as HTML.
 */
function delib_render( $kind, $values, $options ) {
	$widgets = delib_widgets();
	if ( ! isset( $widgets[ $kind ] ) ) {
		return '';
	}
	if ( empty( $values['endpoint'] ) ) {
		$values['endpoint'] = delib_settings()['endpoint'];
	}
	$attributes = '';
	foreach ( $widgets[ $kind ] as $key => list( $attribute, $type ) ) {
		if ( ! isset( $values[ $key ] ) || '' === $values[ $key ] || false === $values[ $key ] ) {
			continue;
		}
		$value = $values[ $key ];
		if ( 'boolean' === $type ) {
			if ( true === $value || 'true' === $value || '1' === (string) $value || '' === (string) $value ) {
				$attributes .= ' ' . $attribute;
			}
			continue;
		}
		if ( 'number' === $type ) {
			$value = is_numeric( $value ) ? (string) ( 0 + $value ) : '';
		} elseif ( 'url' === $type ) {
			$value = esc_url_raw( delib_text( $value, 2000 ) );
		} elseif ( is_array( $type ) ) {
			$value = in_array( $value, $type, true ) ? $value : '';
		} else {
			$value = delib_text( $value, 'widgetId' === $key ? 200 : 1000 );
		}
		if ( '' !== $value ) {
			$attributes .= sprintf( ' %s="%s"', $attribute, esc_attr( $value ) );
		}
	}
	$children = '';
	foreach ( $options as $value => $label ) {
		$children .= sprintf( '<option value="%s">%s</option>', esc_attr( $value ), esc_html( $label ) );
	}
	delib_enqueue();
	return sprintf( '<%1$s%2$s>%3$s</%1$s>', 'delib-' . $kind, $attributes, $children );
}

/** A value for each option: the one given, else one made from the label ("New play area" → "new-play-area"). */
function delib_option_value( $value, $label ) {
	$value = delib_text( $value, 200 );
	return '' !== $value ? $value : sanitize_title( $label );
}

/** A block's options, `[{ value, label }]` as the editor saves them, as value => label. */
function delib_block_options( $items ) {
	$options = array();
	foreach ( is_array( $items ) ? array_slice( $items, 0, 200 ) : array() as $item ) {
		$label = delib_text( is_array( $item ) && isset( $item['label'] ) ? $item['label'] : '', 500 );
		if ( '' !== $label ) {
			$options[ delib_option_value( isset( $item['value'] ) ? $item['value'] : '', $label ) ] = $label;
		}
	}
	return $options;
}

/**
 * A shortcode's options: one a line between the tags, `Label` or `value | Label`. The classic editor
 * may have wrapped the lines in paragraphs and line breaks; they are read as lines.
 */
function delib_shortcode_options( $content ) {
	$options = array();
	$text    = preg_replace( '#<br\s*/?>|</p>\s*<p[^>]*>#i', "\n", (string) $content );
	foreach ( array_slice( preg_split( '/\R/', $text ), 0, 200 ) as $line ) {
		$parts = array_map( 'delib_text', explode( '|', $line, 2 ) );
		$label = count( $parts ) > 1 ? $parts[1] : $parts[0];
		if ( '' !== $label ) {
			$options[ delib_option_value( count( $parts ) > 1 ? $parts[0] : '', $label ) ] = $label;
		}
	}
	return $options;
}

/** Registers each widget's block (from its block.json) and shortcode. */
function delib_register_widgets() {
	wp_register_script(
		'delib-editor',
		plugins_url( 'build/editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-i18n' ),
		DELIB_VERSION,
		true
	);
	foreach ( delib_widgets() as $kind => $attributes ) {
		register_block_type(
			__DIR__ . '/blocks/' . $kind,
			array(
				'render_callback' => function ( $values ) use ( $kind ) {
					return delib_render( $kind, $values, delib_block_options( isset( $values['options'] ) ? $values['options'] : array() ) );
				},
			)
		);
		$shortcode = 'delib_' . str_replace( '-', '_', $kind );
		add_shortcode(
			$shortcode,
			function ( $atts, $content = '' ) use ( $kind, $attributes, $shortcode ) {
				// The shortcode takes the element's own attribute names: [delib_poll widget-id="…" allow-other].
				$atts   = is_array( $atts ) ? $atts : array();
				$values = array();
				foreach ( $attributes as $key => list( $attribute, $type ) ) {
					if ( isset( $atts[ $attribute ] ) ) {
						$values[ $key ] = $atts[ $attribute ];
					} elseif ( 'boolean' === $type && in_array( $attribute, $atts, true ) ) {
						$values[ $key ] = true;
					}
				}
				return delib_render( $kind, $values, delib_shortcode_options( $content ) );
			}
		);
	}
}
add_action( 'init', 'delib_register_widgets' );

/** The editor shows the widgets themselves: the loader and the theme load there too. */
function delib_editor_assets() {
	delib_enqueue();
	wp_add_inline_script(
		'delib-editor',
		'window.delibEditor = ' . wp_json_encode(
			array(
				'endpoint' => delib_settings()['endpoint'],
				'settings' => admin_url( 'options-general.php?page=delib' ),
			)
		) . ';',
		'before'
	);
}
add_action( 'enqueue_block_editor_assets', 'delib_editor_assets' );

/** Settings → delib: the endpoint, the theme, and where the widgets' files come from. */
function delib_settings_init() {
	register_setting(
		'delib',
		'delib_settings',
		array(
			'type'              => 'array',
			'sanitize_callback' => 'delib_sanitize_settings',
			'default'           => array(),
		)
	);
}
add_action( 'admin_init', 'delib_settings_init' );

/** Keeps only what each setting may be; an address must be http(s). */
function delib_sanitize_settings( $input ) {
	$input  = is_array( $input ) ? $input : array();
	$clean  = delib_settings();
	$url    = function ( $value ) {
		$value = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
		return $value;
	};
	$source = isset( $input['source'] ) ? (string) $input['source'] : 'bundled';
	$theme  = isset( $input['theme'] ) ? (string) $input['theme'] : 'govuk';
	$clean['endpoint']  = $url( isset( $input['endpoint'] ) ? $input['endpoint'] : '' );
	$clean['theme']     = isset( delib_themes()[ $theme ] ) ? $theme : 'govuk';
	$clean['source']    = in_array( $source, array( 'bundled', 'url' ), true ) ? $source : 'bundled';
	$clean['files_url'] = $url( isset( $input['files_url'] ) ? $input['files_url'] : '' );
	if ( 'url' === $clean['source'] && '' === $clean['files_url'] ) {
		$clean['source'] = 'bundled';
		add_settings_error( 'delib_settings', 'delib-files-url', __( 'Give the address of the widgets’ files, or keep the files bundled with the plugin.', 'delib' ) );
	}
	return $clean;
}

function delib_settings_menu() {
	add_options_page( __( 'delib', 'delib' ), __( 'delib', 'delib' ), 'manage_options', 'delib', 'delib_settings_page' );
}
add_action( 'admin_menu', 'delib_settings_menu' );

function delib_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = delib_settings();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'delib', 'delib' ); ?></h1>
		<?php settings_errors( 'delib_settings' ); ?>
		<form method="post" action="options.php">
			<?php settings_fields( 'delib' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="delib-endpoint"><?php esc_html_e( 'Endpoint', 'delib' ); ?></label></th>
					<td>
						<input type="url" class="regular-text" id="delib-endpoint" name="delib_settings[endpoint]" value="<?php echo esc_attr( $settings['endpoint'] ); ?>" aria-describedby="delib-endpoint-hint" />
						<p class="description" id="delib-endpoint-hint"><?php esc_html_e( 'Where every widget sends its responses, unless a block or shortcode names another: the address under which your server answers /responses, such as https://consult.example.gov.uk/api.', 'delib' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="delib-theme"><?php esc_html_e( 'Theme', 'delib' ); ?></label></th>
					<td>
						<select id="delib-theme" name="delib_settings[theme]">
							<?php foreach ( delib_themes() as $value => $label ) : ?>
								<option value="<?php echo esc_attr( $value ); ?>" <?php selected( $settings['theme'], $value ); ?>><?php echo esc_html( $label ); ?></option>
							<?php endforeach; ?>
						</select>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'The widgets’ files', 'delib' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'The widgets’ files', 'delib' ); ?></legend>
							<label><input type="radio" name="delib_settings[source]" value="bundled" <?php checked( $settings['source'], 'bundled' ); ?> /> <?php esc_html_e( 'Bundled with this plugin', 'delib' ); ?></label><br />
							<label><input type="radio" name="delib_settings[source]" value="url" <?php checked( $settings['source'], 'url' ); ?> /> <?php esc_html_e( 'From another address (a copy of delib’s dist/ folder)', 'delib' ); ?></label>
						</fieldset>
						<p><label for="delib-files-url"><?php esc_html_e( 'Address of the files', 'delib' ); ?></label><br />
						<input type="url" class="regular-text" id="delib-files-url" name="delib_settings[files_url]" value="<?php echo esc_attr( $settings['files_url'] ); ?>" /></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
