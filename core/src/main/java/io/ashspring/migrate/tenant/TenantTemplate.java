package io.ashspring.migrate.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ashspring.error.InvalidTenantException;
import io.ashspring.resource.ManageTenant;
import io.ashspring.resource.model.AttributeModel;
import io.ashspring.resource.model.ResourceModel;
import io.ashspring.tenant.TenantName;

/**
 * The tenant name template of a {@link ManageTenant} resource, {@code org_{slug}}: checked against the resource's
 * attributes once, then filled from records.
 *
 * @param resource the resource
 * @param template the template as declared
 * @param attributes the attributes it names, in order
 */
record TenantTemplate(ResourceModel resource, String template, List<String> attributes) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /**
     * The template of a resource.
     *
     * @throws IllegalArgumentException naming the resource, the template and the fix when it names no attribute or
     *         an unknown one
     */
    static TenantTemplate of(ResourceModel resource, ManageTenant annotation) {
        String template = annotation.template();
        List<String> attributes = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (resource.attribute(name).isEmpty()) {
                throw new IllegalArgumentException(resource.name() + ": @ManageTenant(template = \"" + template + "\") names '"
                        + name + "', which is not an attribute (attributes: " + resource.attributes().stream()
                        .map(AttributeModel::name).toList() + "). Fix: name an attribute, e.g. \"org_{slug}\"");
            }
            attributes.add(name);
        }
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException(resource.name() + ": @ManageTenant(template = \"" + template + "\") names no "
                    + "attribute, so every record would be the same tenant. Fix: put an attribute in braces, e.g. \"org_{slug}\"");
        }
        return new TenantTemplate(resource, template, List.copyOf(attributes));
    }

    /**
     * The tenant of a record, given how to read its attributes.
     *
     * @throws InvalidTenantException when an attribute is null or the name is not a valid tenant name
     */
    TenantName tenant(Function<String, Object> values) {
        StringBuilder name = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int end = 0;
        while (matcher.find()) {
            name.append(template, end, matcher.start());
            Object value = values.apply(matcher.group(1));
            if (value == null) {
                throw new InvalidTenantException(template, "needs a value for " + resource.name() + "." + matcher.group(1)
                        + ", which is null");
            }
            name.append(value);
            end = matcher.end();
        }
        name.append(template.substring(end));
        return TenantName.of(name.toString());
    }
}
