/**
 * Variable mapping: an action's template_detail and one alert in, Job's {@code global_var_list} out.
 *
 * <p>{@link io.alertjobbridge.mapping.VariableMapper#compile} parses an action's templates once into a
 * {@link io.alertjobbridge.mapping.CompiledTemplateDetail}; for each alert,
 * {@link io.alertjobbridge.mapping.AlertContextFactory#build} makes the template variables and
 * {@link io.alertjobbridge.mapping.VariableMapper#render} renders them in a Jinjava sandbox into
 * {@link io.alertjobbridge.mapping.MappedVariables} (what Job gets, and a copy with cipher values masked
 * for storage and logs). Every failure is a {@link io.alertjobbridge.mapping.MappingException} whose
 * message names the template_detail key. No Camel here: plain functions of their arguments.
 */
package io.alertjobbridge.mapping;
