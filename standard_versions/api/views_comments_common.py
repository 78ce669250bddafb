"""What the comment views share: input validated by a serializer or refused with its errors
(400 ``invalid``). The schema of their operations: ``operations``."""


def valid_input(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
