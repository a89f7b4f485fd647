package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages bind every field of a form as it was typed (text, lists of texts, rows of
 * texts) and read it themselves (`TypedNumbers`, `PageRequests.choice`,
 * `PageRequests.expectedVersion`, `PageRequests.ticked`): a field bound to a number, a
 * date, an enum or a boolean would turn a value it cannot hold (an old or altered page, a
 * word typed where a number goes) into the bare page of a request that cannot be read,
 * and lose all that was typed, where ADR 0010 wants the form again with a sentence.
 */
class FormsBindAsTypedTest {

    @Test
    void everyPageBindsItsFormsAsTyped() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        var controllers = scanner.findCandidateComponents(FormsBindAsTypedTest.class.getPackageName());
        assertThat(controllers).hasSizeGreaterThan(20);
        var bound = new ArrayList<String>();
        var notAsTyped = new ArrayList<String>();
        for (var controller : controllers) {
            for (var handler : ClassUtils.forName(controller.getBeanClassName(), null).getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(handler, RequestMapping.class)) {
                    check(handler, bound, notAsTyped);
                }
            }
        }
        assertThat(bound).as("the forms' parameters found").contains("ProductEditorPageController.update(form)");
        assertThat(notAsTyped).as("parameters bound to other types than text").isEmpty();
    }

    private static void check(Method handler, List<String> bound, List<String> notAsTyped) {
        for (int i = 0; i < handler.getParameterCount(); i++) {
            var parameter = new MethodParameter(handler, i);
            var type = parameter.getGenericParameterType();
            var form = parameter.hasParameterAnnotation(ModelAttribute.class)
                    || parameter.getParameterType().isRecord();
            // an unannotated parameter of a simple type is bound as a request parameter
            var plain = !parameter.hasParameterAnnotations()
                    && BeanUtils.isSimpleProperty(parameter.getParameterType());
            if (!form && !plain && !parameter.hasParameterAnnotation(RequestParam.class)
                    && !parameter.hasParameterAnnotation(PathVariable.class)) {
                continue;
            }
            var name = handler.getDeclaringClass().getSimpleName() + "." + handler.getName() + "("
                    + handler.getParameters()[i].getName() + ")";
            bound.add(name);
            if (form ? !asTypedRow(type) : !(asTyped(type) || type == MultipartFile.class)) {
                notAsTyped.add(name + ": " + type.getTypeName());
            }
        }
    }

    /** Text, or a list of texts. */
    private static boolean asTyped(Type type) {
        return type == String.class || listOf(type, FormsBindAsTypedTest::asTyped);
    }

    /** A record of fields as typed and of lists of such records (a form's rows). */
    private static boolean asTypedRow(Type type) {
        return type instanceof Class<?> form && form.isRecord()
                && Arrays.stream(form.getRecordComponents())
                    .map(RecordComponent::getGenericType)
                    .allMatch(field -> asTyped(field) || listOf(field, FormsBindAsTypedTest::asTypedRow));
    }

    private static boolean listOf(Type type, Predicate<Type> element) {
        return type instanceof ParameterizedType list && list.getRawType() == List.class
                && element.test(list.getActualTypeArguments()[0]);
    }

}
