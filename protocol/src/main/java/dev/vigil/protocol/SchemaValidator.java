package dev.vigil.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a JSON tree against a message record before Gson binds it: every required component
 * present and non-null, every value of the right JSON type, every enum value known. Reports the
 * first problem with its path. Thread-safe.
 */
final class SchemaValidator {

  /** A problem found, with the path of the offending field. */
  record Problem(DecodeError error, String detail) {}

  private record Component(String name, Type type, boolean required) {}

  private final Map<Class<?>, List<Component>> components = new ConcurrentHashMap<>();
  private final Map<Class<?>, Set<String>> enumNames = new ConcurrentHashMap<>();

  /** The first problem of {@code json} as an instance of {@code recordClass}, or null if none. */
  Problem check(Class<?> recordClass, JsonElement json, String path) {
    if (!json.isJsonObject()) {
      return new Problem(DecodeError.INVALID_FIELD, path + ": expected an object");
    }
    JsonObject object = json.getAsJsonObject();
    for (Component c : componentsOf(recordClass)) {
      JsonElement value = object.get(c.name());
      String fieldPath = path + "." + c.name();
      if (value == null || value.isJsonNull()) {
        if (c.required()) {
          return new Problem(
              DecodeError.MISSING_FIELD, "missing required field '" + fieldPath + "'");
        }
        continue;
      }
      Problem p = checkValue(c.type(), value, fieldPath);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private Problem checkValue(Type type, JsonElement value, String path) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        if (!value.isJsonArray()) {
          return invalid(path, "an array");
        }
        JsonArray array = value.getAsJsonArray();
        for (int i = 0; i < array.size(); i++) {
          JsonElement element = array.get(i);
          if (element.isJsonNull()) {
            return invalid(path + "[" + i + "]", "a value, not null");
          }
          Problem p = checkValue(args[0], element, path + "[" + i + "]");
          if (p != null) {
            return p;
          }
        }
        return null;
      }
      if (Map.class.isAssignableFrom(raw)) {
        if (!value.isJsonObject()) {
          return invalid(path, "an object");
        }
        for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
          if (e.getValue().isJsonNull()) {
            return invalid(path + "." + e.getKey(), "a value, not null");
          }
          Problem p = checkValue(args[1], e.getValue(), path + "." + e.getKey());
          if (p != null) {
            return p;
          }
        }
        return null;
      }
      return null;
    }
    Class<?> cls = (Class<?>) type;
    if (cls.isRecord()) {
      return check(cls, value, path);
    }
    if (cls.isEnum()) {
      if (!isString(value)) {
        return invalid(path, "a string");
      }
      String name = value.getAsString();
      if (!namesOf(cls).contains(name)) {
        return new Problem(
            DecodeError.INVALID_FIELD, "unknown value '" + name + "' for field '" + path + "'");
      }
      return null;
    }
    if (cls == String.class) {
      return isString(value) ? null : invalid(path, "a string");
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
          ? null
          : invalid(path, "a boolean");
    }
    if (cls.isPrimitive() || Number.class.isAssignableFrom(cls)) {
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
        return invalid(path, "a number");
      }
      if (isIntegral(cls) && !isIntegral(value.getAsJsonPrimitive())) {
        return invalid(path, "a whole number");
      }
      return null;
    }
    return null;
  }

  private static boolean isString(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  private static boolean isIntegral(Class<?> cls) {
    return cls == int.class
        || cls == long.class
        || cls == Integer.class
        || cls == Long.class
        || cls == short.class
        || cls == Short.class;
  }

  private static boolean isIntegral(JsonPrimitive number) {
    String text = number.getAsString();
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
  }

  private static Problem invalid(String path, String expected) {
    return new Problem(DecodeError.INVALID_FIELD, "field '" + path + "' must be " + expected);
  }

  private List<Component> componentsOf(Class<?> recordClass) {
    return components.computeIfAbsent(
        recordClass,
        cls -> {
          RecordComponent[] rcs = cls.getRecordComponents();
          Component[] out = new Component[rcs.length];
          for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            boolean required = !rc.isAnnotationPresent(OptionalField.class);
            out[i] = new Component(rc.getName(), rc.getGenericType(), required);
          }
          return List.of(out);
        });
  }

  private Set<String> namesOf(Class<?> enumClass) {
    return enumNames.computeIfAbsent(
        enumClass,
        cls -> {
          Set<String> names = new HashSet<>();
          for (Field f : cls.getFields()) {
            if (f.isEnumConstant()) {
              SerializedName sn = f.getAnnotation(SerializedName.class);
              names.add(sn != null ? sn.value() : f.getName());
            }
          }
          return Set.copyOf(names);
        });
  }
}
