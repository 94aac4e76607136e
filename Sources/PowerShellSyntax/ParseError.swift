/// A parse error as pwsh reports it: its ParserStrings id (`MissingEndParenthesisInExpression`),
/// the message text and where it is. Errors are values; the formatting target renders them.
public struct ParseError: Error {
    /// pwsh's error id, e.g. `MissingEndCurlyBrace`, `UnexpectedToken`.
    public let id: String
    public let message: String
    /// Where the error is reported (pwsh marks this span with `~` in its ConciseView).
    public let extent: SourceExtent
    /// True when the input merely stopped too early (an unclosed `{`, `(`, string, here-string):
    /// a REPL asks for another line instead of reporting it (pwsh's IncompleteParseException).
    public let incompleteInput: Bool

    public init(id: String, message: String, extent: SourceExtent, incompleteInput: Bool = false) {
        self.id = id
        self.message = message
        self.extent = extent
        self.incompleteInput = incompleteInput
    }
}

/// What parsing a whole text gives: the tree (possibly partial) and every error found.
public struct ParseResult {
    public let ast: ScriptBlockAst
    public let errors: [ParseError]
    /// The tokens read, when the parse recorded them (see `Parser.parse`).
    public let tokens: [Token]

    public init(ast: ScriptBlockAst, errors: [ParseError], tokens: [Token] = []) {
        self.ast = ast
        self.errors = errors
        self.tokens = tokens
    }

    /// True when every error only says the input is unfinished.
    public var isIncomplete: Bool { !errors.isEmpty && errors.contains { $0.incompleteInput } }
}

/// pwsh's parser message texts (`ParserStrings.resx`), by error id; `{0}`, `{1}` are filled in order.
public enum ParserMessages {
    public static let texts: [String: String] = [
        "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
        "MissingEndCurlyBrace": "Missing closing '}' in statement block or type definition.",
        "MissingExpressionAfterToken": "Missing expression after '{0}'.",
        "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
        "EndSquareBracketExpectedAtEndOfAttribute": "Missing ] at end of attribute or type literal.",
        "MissingTypename": "Missing type name after '['.",
        "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
        "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
        "PipelineValueRequired": "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
        "MissingStatementAfterKeyword": "Missing statement body after keyword '{0}'.",
        "MissingNameAfterKeyword": "Missing name after {0} keyword.",
        "MissingLoopStatement": "Missing statement body in {0} loop.",
        "EmptyPipelineChainElement": "A pipeline chain operator must be followed by a pipeline.",
        "UnexpectedAttribute": "Unexpected attribute '{0}'.",
        "ParameterRequiresArgument": "Parameter {0} requires an argument.",
        // `#Requires` (DiscoveryExceptions.resx, ParserStrings.resx, ParameterBinderStrings.resx).
        "ScriptRequiresInvalidFormat": "Cannot process the #requires statement because it is not in the correct format.\nThe #requires statement must be in one of the following formats:\n \"#requires -shellid <shellID>\"\n \"#requires -version <major.minor>\"\n \"#requires -psedition <edition>\"\n \"#requires -pssnapin <psSnapInName> [-version <major.minor>]\"\n \"#requires -modules <ModuleSpecification>\"\n \"#requires -runasadministrator\"",
        "RequiresVersionInvalid": "The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.",
        "RequiresPSEditionInvalid": "The argument for the {0} parameter is not valid. Specify a valid PowerShell edition.",
        "RequiresPSEditionValueIsAlreadySpecified": "The argument for the {0} parameter contains duplicate values. Do not specify duplicate PowerShell edition values.",
        "RequiresInvalidStringArgument": "The argument for the {0} parameter is not valid. Specify a valid string argument.",
        "RequiresArgumentMustBeConstant": "Argument must be constant.",
        "ParameterCannotHaveArgument": "Parameter {0} cannot have an argument.",
        "ParameterAlreadyBound": "Cannot bind parameter because parameter '{1}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
        "MissingTypeBody": "Missing '{0}' body in '{0}' declaration.",
        "MissingPropertyTerminator": "Missing ';' or end-of-line in property definition.",
        "MissingMethodParameterList": "Missing '(' in class method parameter list.",
        "MissingFunctionBody": "Missing function body in function declaration.",
        "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
        "MissingExpression": "Missing expression after '{0}' in pipeline element.",
        "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
        "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
        "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
        "EmptyPipeElement": "An empty pipe element is not allowed.",
        "UsingMustBeAtStartOfScript": "A 'using' statement must appear before any other statements in a script.",
        "UsingStatementNotSupported": "This syntax of the 'using' statement is not supported.",
        "InvalidNamespaceValue": "The specified namespace in the 'using' statement contains invalid characters.",
        "ReservedKeywordNotAllowed": "The '{0}' keyword is not supported in this version of the language.",
        "ScriptTooComplicated": "Processing was stopped because the script is too complex.",
        "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
        "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
        "MissingVariableNameAfterForeach": "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingUsingStatementDirective": "Missing using directive",
        "MissingUsingItemName": "Missing using name",
        "RequiresModuleInvalid": "The argument for the Module parameter is not valid. {0}",
        "WildCardModuleNameError": "Wildcard characters are not supported for module names.",
        "ModuleNotFoundDuringParse": "Could not find the module '{0}'.",
        "AmbiguousTypeReference": "Type name '{0}' is ambiguous, it could be '{1}' or '{2}'.",
        "MissingTryStatementBlock": "The Try statement is missing its statement block.",
        "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
        "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
        "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
        "MissingStatementInHashLiteral": "Missing statement after '=' in hash literal.",
        "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
        "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
        "MissingPropertyName": "Missing property name after reference operator.",
        "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
        "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
        "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
        // Class definitions (ParserStrings.resx).
        "DuplicateQualifier": "Duplicate '{0}' qualifier",
        "TooManyTypes": "Only one type may be specified on class members.",
        "ConstructorCantHaveReturnType": "A constructor cannot specify a return type.",
        "ParamBlockNotAllowedInMethod": "A param block is not allowed in a class method.",
        "NamedBlockNotAllowedInMethod": "A named block is not allowed in a class method.",
        "VoidMethodHasReturn": "Invalid return statement within void method.",
        "NonVoidMethodMissingReturnValue": "Invalid return statement within non-void method.",
        "MethodHasCodePathNotReturn": "Not all code path returns value within method.",
        "MissingThis": "Cannot assign property, use '{0}{1}'.",
        "MissingTypeInStaticPropertyAssignment": "Cannot assign property, use '{0}{1}'.",
        "MemberAlreadyDefined": "The member '{0}' is already defined.",
        // `data` statements (ParserStrings.resx).
        "InvalidParameterForDataSectionStatement": "The \"{0}\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.",
        "MissingValueForSupportedCommandInDataSectionStatement": "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.",
        "MissingStatementBlockForDataSection": "The Data section is missing its statement block.",
        "LabelNotFound": "Label '{0}' not found inside the method.",
        "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
        "MissingNamedBlocks": "unexpected token '{0}', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.",
        "MissingInInForeach": "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingForeachStatement": "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingForeachExpression": "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
        "MissingFilenameOption": "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
        "MissingFileSpecification": "Missing file specification after redirection operator.",
        "MissingExpressionInNamedArgument": "Missing statement after '=' in named argument.",
        "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
        "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
        "MissingEndSquareBracket": "Missing ']' after array index expression.",
        "MissingEndParenthesisInSwitchStatement": "Missing ')' after expression in switch statement.",
        "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
        "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
        "MissingEndParenthesisAfterForeach": "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        "MissingCurlyBraceInSwitchStatement": "Missing '{' in switch statement.",
        "MissingColonInTernaryExpression": "Missing ':' in the ternary expression.",
        "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
        "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
        "MissingBaseCtorCall": "Missing 'base' after ':' in a base class constructor call.",
        "MissingArrayIndexExpression": "Array index expression is missing or not valid.",
        "MissingArgument": "Missing argument in parameter list.",
        "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
        "InvalidFunctionParameter": "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
        "IncompleteMemberDefinition": "Missing a property name or method definition.",
        "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
        "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
        "ExpectedExpression": "An expression was expected after '('.",
        "BackgroundOperatorInPipelineChain": "Background operators can only be used at the end of a pipeline chain.",
        "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
        "StreamAlreadyRedirected": "The {0} for this command is already redirected.",
        "MissingStatementTerminator": "Missing a newline or semicolon.",
        "BadNumericConstant": "The numeric constant {0} is not valid.",
        "EmptyVariableReference": "An empty ${} variable reference was found. A name is required inside the braces.",
        "IncompleteDollarSubexpressionReference": "$(subexpression) is missing the closing ')'.",
        "IncompleteDollarVariableReference": "${variable} reference starting is missing the closing '}'.",
        "IncompleteString": "Incomplete string token.",
        "InvalidUnicodeEscapeSequence": "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'.",
        "InvalidUnicodeEscapeSequenceValue": "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.",
        "InvalidVariableReference": "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
        "InvalidVariableReferenceWithDrive": "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
        "MissingTerminatorMultiLineComment": "The terminator '#>' is missing from the multiline comment.",
        "MissingUnicodeEscapeSequenceTerminator": "The Unicode escape sequence is missing the closing '}'.",
        "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
        "TooManyDigitsInUnicodeEscapeSequence": "The Unicode escape sequence contains more than the maximum of six hex digits between braces.",
        "UnexpectedCharactersAfterHereStringHeader": "No characters are allowed after a here-string header but before the end of the line.",
        "UnrecognizedToken": "Unrecognized token in source text.",
        "InvalidLeftHandSide": "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
        "OperatorRequiresVariableOrProperty": "The '{0}' operator works only on variables or on properties.",
        "TypeNameExpected": "Type name expected.",
        "InvalidValueForUsingItemName": "'{0}' is not a valid value for using name.",
        "OnlyOneParameterListAllowed": "The param statement cannot be used if arguments were specified in the function declaration.",
        "SplattingNotPermitted": "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'.",
        "DuplicateKeyInHashLiteral": "Duplicate keys '{0}' are not allowed in hash literals.",
        "RequiredNameOrExpressionMissing": "A required name or expression was missing.",
        "MissingTypeLiteralToken": "Missing type literal.",
        "UnexpectedKeyword": "Unexpected keyword '{0}'.",
    ]

    /// The message for an id with its arguments filled in.
    public static func format(_ id: String, _ args: [String]) -> String {
        let template = Array(texts[id] ?? id)
        var out = ""
        var i = 0
        while i < template.count {
            if template[i] == "{", i + 2 < template.count, template[i + 2] == "}",
               let n = template[i + 1].wholeNumberValue, n < args.count {
                out += args[n]
                i += 3
            } else {
                out.append(template[i])
                i += 1
            }
        }
        return out
    }
}
