package dev.victor.workflow.expr.internal;

/**
 * A node of a parsed expression: immutable, evaluated against a {@link Ctx}. Nodes that can fail
 * know their position (1-based line and column in the text) and put it in the error.
 */
public sealed interface Node permits Leaves.Const, Leaves.Global, Leaves.BuiltinName, Leaves.Local, Leaves.Whole,
        Literals.ListLit, Literals.TupleLit, Literals.DictLit, Comprehension,
        Operators.Unary, Operators.Not, Operators.Binary, Operators.And, Operators.Or,
        Operators.Compare1, Operators.CompareChain, Operators.IfElse,
        Accessors.Attribute, Accessors.Subscript, Accessors.Slice, Accessors.Call, Accessors.MethodCall, Accessors.ExternalCall,
        Accessors.Lambda, Accessors.CallValue, Accessors.NewError, Modules.Call, Literals.SetLit, Literals.LocalsLit, FString {

    Object eval(Ctx c);
}
