"""Cogent's runner for Python code tools; it runs in the session's sandbox, never in the server.

  python3 runner.py describe TOOL_FILE RESULT_FILE
  python3 runner.py call TOOL_FILE FUNCTION ARGS_FILE RESULT_FILE

The result file receives one JSON object: {"ok": true, "tools": [...]} or {"ok": true, "output":
"..."} on success, {"ok": false, "error_type": "...", "error": "...", "traceback": "..."} on failure.
When LangChain is not installed, a small compatible `langchain_core.tools` (the `tool` decorator and
`BaseTool`) is provided, so tools written for LangChain load unchanged.
"""
import asyncio
import importlib.util
import inspect
import json
import re
import sys
import traceback
import types
import typing


class BaseTool:
    """The part of LangChain's BaseTool that tools use: name, description and _run."""

    name = None
    description = ""
    args_schema = None
    return_direct = False

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)
        if not self.name:
            self.name = type(self).__name__

    def _run(self, *args, **kwargs):
        raise NotImplementedError("BaseTool subclasses implement _run")

    def invoke(self, arguments, config=None):
        return self._run(**(arguments or {}))

    def _cogent_function(self):
        return self._run


class _FunctionTool(BaseTool):
    def __init__(self, function, name=None, description=None, return_direct=False):
        self.func = function
        self.name = name or function.__name__
        doc_description, _ = _parse_docstring(function.__doc__)
        self.description = description or doc_description
        self.return_direct = return_direct
        self.__doc__ = function.__doc__

    def invoke(self, arguments, config=None):
        return self.func(**(arguments or {}))

    def __call__(self, *args, **kwargs):
        return self.func(*args, **kwargs)

    def _cogent_function(self):
        return self.func


def tool(*args, **kwargs):
    """@tool, @tool("name"), @tool(description=...) as in langchain_core.tools."""
    name = kwargs.get("name_or_callable")
    description = kwargs.get("description")
    return_direct = kwargs.get("return_direct", False)
    if len(args) == 1 and callable(args[0]) and not isinstance(args[0], str):
        return _FunctionTool(args[0], name, description, return_direct)
    if args and isinstance(args[0], str):
        name = args[0]
        if len(args) > 1 and callable(args[1]):
            return _FunctionTool(args[1], name, description, return_direct)

    def decorate(function):
        return _FunctionTool(function, name, description, return_direct)

    return decorate


def _install_shim():
    try:
        import langchain_core.tools  # noqa: F401

        return False
    except ImportError:
        pass
    core = types.ModuleType("langchain_core")
    tools = types.ModuleType("langchain_core.tools")
    tools.tool = tool
    tools.BaseTool = BaseTool
    tools.StructuredTool = _FunctionTool
    core.tools = tools
    sys.modules["langchain_core"] = core
    sys.modules["langchain_core.tools"] = tools
    return True


_ARG_LINE = re.compile(r"^\s*(\*{0,2}\w+)\s*(\([^)]*\))?\s*:\s*(.*)$")


def _parse_docstring(doc):
    """The summary and the per-argument descriptions of a Google-style docstring."""
    if not doc:
        return "", {}
    lines = inspect.cleandoc(doc).splitlines()
    summary, args, section, current = [], {}, None, None
    for line in lines:
        stripped = line.strip()
        if re.match(r"^(Args|Arguments|Parameters)\s*:\s*$", stripped):
            section, current = "args", None
            continue
        if re.match(r"^(Returns|Return|Raises|Yields|Examples?|Notes?)\s*:\s*$", stripped):
            section, current = "other", None
            continue
        if section is None:
            summary.append(stripped)
        elif section == "args" and stripped:
            match = _ARG_LINE.match(line)
            if match and (line.startswith(" ") or line.startswith("\t")) and current is not None and \
                    len(line) - len(line.lstrip()) > args[current][1]:
                args[current] = (args[current][0] + " " + stripped, args[current][1])
            elif match:
                current = match.group(1).lstrip("*")
                args[current] = (match.group(3).strip(), len(line) - len(line.lstrip()))
            elif current is not None:
                args[current] = (args[current][0] + " " + stripped, args[current][1])
    text = " ".join(part for part in summary if part).strip()
    return text, {name: value[0] for name, value in args.items()}


def _json_type(hint):
    if hint is inspect.Parameter.empty or hint is typing.Any:
        return {}
    origin = typing.get_origin(hint)
    arguments = typing.get_args(hint)
    if origin is typing.Union or (hasattr(types, "UnionType") and origin is getattr(types, "UnionType")):
        options = [a for a in arguments if a is not type(None)]
        if len(options) == 1:
            return _json_type(options[0])
        return {"anyOf": [_json_type(a) for a in options]}
    if origin is typing.Literal:
        return {"enum": list(arguments)}
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint in (list, tuple, set) or origin in (list, tuple, set, typing.List, typing.Sequence):
        schema = {"type": "array"}
        if arguments and arguments[0] is not Ellipsis:
            item = _json_type(arguments[0])
            if item:
                schema["items"] = item
        return schema
    if hint is dict or origin in (dict, typing.Dict, typing.Mapping):
        return {"type": "object"}
    return {}


def _is_optional(hint):
    origin = typing.get_origin(hint)
    return (origin is typing.Union or (hasattr(types, "UnionType") and origin is getattr(types, "UnionType"))) \
        and type(None) in typing.get_args(hint)


def _schema(function):
    signature = inspect.signature(function)
    try:
        hints = typing.get_type_hints(function)
    except Exception:
        hints = {}
    _, documented = _parse_docstring(function.__doc__)
    properties, required = {}, []
    for name, parameter in signature.parameters.items():
        if name in ("self", "cls", "run_manager", "callbacks", "config"):
            continue
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        hint = hints.get(name, parameter.annotation)
        prop = dict(_json_type(hint))
        if name in documented and documented[name]:
            prop["description"] = documented[name]
        if parameter.default is not inspect.Parameter.empty:
            if parameter.default is None or isinstance(parameter.default, (str, int, float, bool, list, dict)):
                prop["default"] = parameter.default
        elif not _is_optional(hint):
            required.append(name)
        properties[name] = prop
    return {"type": "object", "properties": properties, "required": required}


def _langchain_schema(candidate):
    for attribute in ("tool_call_schema", "args_schema"):
        model = getattr(candidate, attribute, None)
        if model is None:
            continue
        if isinstance(model, dict):
            return model
        for method in ("model_json_schema", "schema"):
            if hasattr(model, method):
                schema = getattr(model, method)()
                schema.pop("title", None)
                schema.setdefault("type", "object")
                return schema
    return None


def _tools(module, real_langchain):
    found = []
    bases = [BaseTool]
    if real_langchain:
        from langchain_core.tools import BaseTool as LangChainBaseTool

        bases.append(LangChainBaseTool)
    for value in list(vars(module).values()):
        if inspect.isclass(value) and issubclass(value, tuple(bases)) and value not in bases \
                and value is not _FunctionTool and value.__module__ == module.__name__:
            value = value()
        if isinstance(value, tuple(bases)) and all(value is not tool_ for tool_ in found):
            found.append(value)
    return found


def _describe(candidate):
    if isinstance(candidate, BaseTool):
        schema = _schema(candidate._cogent_function())
        if candidate.args_schema is not None:
            schema = _langchain_schema(candidate) or schema
        description = candidate.description or ""
    else:
        schema = _langchain_schema(candidate) or {"type": "object", "properties": {}}
        description = candidate.description or ""
    return {"name": candidate.name, "description": description, "parameters": schema}


def _load(path):
    real_langchain = not _install_shim()
    spec = importlib.util.spec_from_file_location("cogent_tool", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["cogent_tool"] = module
    spec.loader.exec_module(module)
    return module, real_langchain


def _text(value):
    if inspect.isawaitable(value):
        value = asyncio.run(value)
    if isinstance(value, str):
        return value
    if hasattr(value, "content") and isinstance(getattr(value, "content"), str):
        return value.content
    try:
        return json.dumps(value, default=str, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def main(argv):
    mode = argv[1]
    result_file = argv[-1]
    try:
        module, real_langchain = _load(argv[2])
        tools = _tools(module, real_langchain)
        if mode == "describe":
            result = {"ok": True, "tools": [_describe(candidate) for candidate in tools]}
        else:
            with open(argv[4], encoding="utf-8") as handle:
                arguments = json.load(handle)
            matches = [candidate for candidate in tools if candidate.name == argv[3]]
            if not matches:
                raise LookupError("no tool named %s in the code" % argv[3])
            result = {"ok": True, "output": _text(matches[0].invoke(arguments))}
    except BaseException as error:  # the tool's own failure is the result, whatever it is
        result = {
            "ok": False,
            "error_type": type(error).__name__,
            "error": str(error),
            "traceback": traceback.format_exc(limit=8),
        }
    with open(result_file, "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv)
